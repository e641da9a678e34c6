package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.junit.fixtures.ArchiveFixtures;
import dev.berth.junit.fixtures.Images;
import dev.berth.junit.fixtures.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    private final Kit kit = new Kit();

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        System.clearProperty("berth.test.save-dir");
        System.clearProperty("berth.test.archive");
        kit.close();
    }

    @Test
    void saveImageWritesTheSeededSnapshotAsALoadableArchive() {
        System.setProperty("berth.test.save-dir", dir.toString());
        Kit.Run run = kit.run(ArchiveFixtures.SavesSeededSnapshot.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Path archive = dir.resolve("nested/seeded.tar");
        assertThat(archive).isRegularFile();
        ImageRef snapshot = ImageRef.parse(Recorder.values("savedImage").get(0));
        assertThat(kit.probe().images().exists(snapshot)).as("removed after the class").isFalse();

        List<String> loaded = kit.probe().images().load(archive);
        try {
            assertThat(loaded).containsExactly(snapshot.toString());
            try (RunningContainer c = kit.probe().start(ContainerSpec.of(snapshot).withCommand("sleep", "600"))) {
                assertThat(c.exec("cat", "/seed.txt").stdout().trim()).as("the seeded state, not the test's change")
                        .isEqualTo("seeded-row");
            }
        } finally {
            kit.probe().images().remove(snapshot);
        }
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void anImageMissingFromTheEngineIsLoadedFromItsArchive() throws Exception {
        ImageRef tag = ImageRef.parse(ArchiveFixtures.AIRGAPPED);
        Path archive = dir.resolve("airgapped.tar");
        kit.probe().images().remove(tag);
        kit.probe().docker().tagImageCmd(Images.BUSYBOX, tag.name(), tag.tag().orElseThrow()).exec();
        try {
            kit.probe().save(archive, tag);
            kit.probe().images().remove(tag);
            assertThat(kit.probe().images().exists(tag)).isFalse();
            System.setProperty("berth.test.archive", archive.toString());

            Kit.Run run = kit.run(ArchiveFixtures.LoadsMissingImage.class);

            run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(Recorder.values("airgapped")).containsExactly("loaded");
            assertThat(kit.probe().images().exists(tag))
                    .as("the tag the load added to an image the engine already held goes with the session (docs/cleanup.md)")
                    .isFalse();
            assertThat(Files.size(archive)).isPositive();
        } finally {
            kit.probe().images().remove(tag);
        }
        assertThat(kit.leftovers()).isEmpty();
    }
}
