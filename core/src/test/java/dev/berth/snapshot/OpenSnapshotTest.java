package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import dev.berth.Snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A snapshot kept under a chosen tag is opened again by a later session and restores the same state. */
class OpenSnapshotTest {
    private static final ContainerSpec BOX = ContainerSpec.of(Docker.BUSYBOX).withName("opened")
            .withCommand("sleep", "3600");

    @Test
    void aKeptSnapshotUnderAChosenTagIsOpenedByAnotherSession() throws InterruptedException {
        ImageRef tag = ImageRef.parse("berth-snapshots/opened:test-" + ProcessHandle.current().pid());
        try (Engine first = Berth.connect()) {
            try (RunningContainer box = first.start(BOX)) {
                Docker.exec(first.docker(), box.id(), "sh", "-c", "echo kept > /state");
                Snapshot s = first.snapshot(box, SnapshotOptions.defaults().withKeep(true).withTag(tag));
                assertThat(s.image()).isEqualTo(tag);
                assertThat(s.kept()).isTrue();
            }
        }
        try (Engine second = Berth.connect()) {
            try {
                Snapshot opened = second.openSnapshot(tag, BOX).orElseThrow();
                assertThat(opened.kept()).isTrue();
                assertThat(opened.spec().image()).isEqualTo(tag);
                assertThat(opened.spec().command()).isEqualTo(BOX.command());
                try (RunningContainer restored = second.start(opened.spec())) {
                    Docker.exec(second.docker(), restored.id(), "grep", "-q", "kept", "/state");
                }
            } finally {
                second.images().remove(tag);
            }
            assertThat(second.openSnapshot(tag, BOX)).isEqualTo(Optional.empty());
        }
    }
}
