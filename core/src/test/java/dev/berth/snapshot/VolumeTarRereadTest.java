package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import dev.berth.container.EngineTestSupport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The tar read of a volume inside a running container (Podman's way) while something writes to it: GNU tar
 * exits 1, "file changed as we read it", and the read is done again after the settle step, a bounded number
 * of times. Runs on any engine: it calls the read directly.
 */
class VolumeTarRereadTest extends EngineTestSupport {
    private static final String VOLUME = "/var/lib/postgresql/data";
    // the postgres image: GNU tar, and a VOLUME; a shell appends to an 8 MiB file there until /tmp/stop exists
    private static final ContainerSpec WRITER = ContainerSpec.of(Docker.POSTGRES).withName("tar-writer")
            .withCommand("sh", "-c", "dd if=/dev/zero of=" + VOLUME + "/big bs=1M count=8 2>/dev/null"
                    + " && touch /tmp/writing && while [ ! -e /tmp/stop ]; do echo x >> " + VOLUME + "/big; done;"
                    + " exec sleep 3600");

    @Test
    void aReadThatFindsFilesChangingIsDoneAgainAfterTheSettleStep() throws Exception {
        AtomicInteger settles = new AtomicInteger();
        try (RunningContainer writer = startWriter(); VolumeCapture capture = new VolumeCapture(engine.docker())) {
            capture.readWithTar(writer.id(), VOLUME, "this engine", () -> {
                settles.incrementAndGet();
                try {
                    Docker.exec(engine.docker(), writer.id(), "touch", "/tmp/stop");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(capture.paths()).containsExactly(VOLUME);
            assertThat(settles.get()).isBetween(1, VolumeCapture.TAR_READS - 1);
        }
    }

    @Test
    void filesThatNeverStopChangingFailTheReadAfterTheLastTry() throws Exception {
        AtomicInteger settles = new AtomicInteger();
        try (RunningContainer writer = startWriter(); VolumeCapture capture = new VolumeCapture(engine.docker())) {
            assertThatThrownBy(() -> capture.readWithTar(writer.id(), VOLUME, "this engine", settles::incrementAndGet))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot read volume " + VOLUME + " on this engine: Berth reads it with"
                            + " `tar -cf - -C /var/lib/postgresql/ data` in the running container, and files changed"
                            + " while tar read them in each of " + VolumeCapture.TAR_READS + " reads (")
                    .hasMessageContaining("data/big: file changed as we read it");
            assertThat(settles.get()).isEqualTo(VolumeCapture.TAR_READS - 1);
            assertThat(capture.paths()).isEmpty();
        }
    }

    private RunningContainer startWriter() throws InterruptedException {
        RunningContainer c = engine.start(WRITER);
        for (int i = 0; i < 200; i++) {
            try {
                Docker.exec(engine.docker(), c.id(), "test", "-e", "/tmp/writing");
                return c;
            } catch (AssertionError notYet) {
                Thread.sleep(50);
            }
        }
        c.close();
        throw new AssertionError("the writer never started appending");
    }
}
