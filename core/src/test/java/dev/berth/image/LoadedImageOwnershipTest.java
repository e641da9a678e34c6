package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.Fixtures;
import dev.berth.ImageRef;
import dev.berth.cleanup.SweepPolicy;
import dev.berth.cleanup.Sweeper;
import dev.berth.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who owns a loaded image: one the engine did not hold is the loading session's and goes when its engine
 * closes; a tag that load added to an image the engine held goes too, the image stays; what was there
 * before is never removed. The sweeper finds nothing of it afterwards.
 */
class LoadedImageOwnershipTest {
    @TempDir
    Path tmp;

    @Test
    void anImageTheEngineDidNotHoldIsRemovedWhenTheLoadingEngineCloses() {
        String repository = "berth-test/loaded-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path archive = tmp.resolve("new.tar");
        String id;
        try (Engine maker = Berth.connect()) {
            var source = maker.start(Fixtures.sleeper());
            Snapshot snapshot = maker.snapshot(source);
            maker.docker().tagImageCmd(snapshot.image().toString(), repository, "1").exec();
            id = maker.images().id(ImageRef.parse(repository + ":1")).orElseThrow();
            maker.save(archive, ImageRef.parse(repository + ":1"));
            maker.docker().removeImageCmd(repository + ":1").exec();
        }
        try (Engine probe = Berth.connect()) {
            assertThat(probe.images().id(ImageRef.parse(repository + ":1"))).as("gone before the load").isEmpty();
            try (Engine loader = Berth.connect()) {
                assertThat(loader.images().load(archive)).containsExactly(repository + ":1");
                assertThat(probe.images().id(ImageRef.parse(repository + ":1"))).contains(id);
            }
            assertThat(probe.images().id(ImageRef.parse(repository + ":1"))).as("after the loader closed").isEmpty();
            assertThat(new Sweeper(probe.docker(), SweepPolicy.forThisJvm(SweepPolicy.Mode.OLDER_THAN, Duration.ZERO,
                    true, null)).find()).noneMatch(l -> l.id().equals(id) || l.name().startsWith(repository));
        }
    }

    @Test
    void aLoadedTagOnAnImageTheEngineHeldGoesAndTheImageStays() {
        String repository = "berth-test/loaded-tag-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path archive = tmp.resolve("tagged.tar");
        try (Engine probe = Berth.connect()) {
            String busybox = probe.images().id(ImageRef.parse(Fixtures.BUSYBOX)).orElseThrow();
            probe.docker().tagImageCmd(busybox, repository, "1").exec();
            probe.save(archive, ImageRef.parse(repository + ":1"));
            probe.docker().removeImageCmd(repository + ":1").exec();

            try (Engine loader = Berth.connect()) {
                assertThat(loader.images().load(archive)).containsExactly(repository + ":1");
            }
            assertThat(probe.images().id(ImageRef.parse(repository + ":1"))).as("the tag load added").isEmpty();
            assertThat(probe.images().id(ImageRef.parse(Fixtures.BUSYBOX))).as("the image").contains(busybox);

            probe.docker().tagImageCmd(busybox, repository, "1").exec();
            try (Engine loader = Berth.connect()) {
                assertThat(loader.images().load(archive)).containsExactly(repository + ":1");
            }
            assertThat(probe.images().id(ImageRef.parse(repository + ":1"))).as("a tag present before the load")
                    .contains(busybox);
            probe.docker().removeImageCmd(repository + ":1").exec();
        }
    }
}
