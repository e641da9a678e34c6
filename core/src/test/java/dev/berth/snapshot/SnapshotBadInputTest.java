package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse of snapshot, save and push fails with the exact message and leaves nothing behind. */
class SnapshotBadInputTest {
    private static final ContainerSpec SLEEPER = ContainerSpec.of(Docker.BUSYBOX).withName("sleeper")
            .withCommand("sleep", "3600");
    private static final ImageRef BUSYBOX = ImageRef.parse(Docker.BUSYBOX);

    private Engine engine;

    @BeforeEach
    void connect() {
        engine = Berth.connect();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private long sessionImages() {
        return engine.docker().listImagesCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(Session.LABEL_SESSION, Internals.ledger(engine).id())).exec().size();
    }

    @Test
    void snapshotOfAStoppedContainerSaysItIsNotRunning() throws Exception {
        try (RunningContainer c = engine.start(ContainerSpec.of(Docker.BUSYBOX).withName("quitter")
                .withCommand("sh", "-c", "exit 3"))) {
            for (int i = 0; i < 200 && Boolean.TRUE.equals(engine.docker().inspectContainerCmd(c.id()).exec()
                    .getState().getRunning()); i++) {
                Thread.sleep(50);
            }
            assertThatThrownBy(() -> engine.snapshot(c)).isInstanceOf(BerthException.class)
                    .hasMessage("Cannot snapshot container " + c.name() + ": it is not running (status: exited, exit code 3)."
                            + " Take the snapshot while the container runs, e.g. right after seeding it.");
        }
        assertThat(sessionImages()).isZero();
    }

    @Test
    void snapshotOfARemovedContainerSaysItNoLongerExists() {
        RunningContainer c = engine.start(SLEEPER);
        c.close();
        assertThatThrownBy(() -> engine.snapshot(c)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot snapshot container " + c.name() + " (" + c.id().substring(0, 12)
                        + "): it no longer exists. Take the snapshot before closing or removing the container.");
        assertThat(sessionImages()).isZero();
    }

    @Test
    void failingPrepareCommandNamesCommandExitCodeAndOutput() {
        try (RunningContainer c = engine.start(SLEEPER)) {
            assertThatThrownBy(() -> engine.snapshot(c, SnapshotOptions.defaults()
                    .withPrepareCommand("sh", "-c", "echo not ready >&2; exit 4")))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("The snapshot prepare command [sh, -c, echo not ready >&2; exit 4] failed in container "
                            + c.name() + " with exit code 4; output: not ready. Fix the command or leave"
                            + " withPrepareCommand out.");
            assertThat(engine.docker().inspectContainerCmd(c.id()).exec().getState().getPaused()).isFalse();
        }
        assertThat(sessionImages()).isZero();
    }

    @Test
    void saveIntoAMissingDirectoryFailsBeforeWritingAnything(@TempDir Path dir) {
        Path target = dir.resolve("missing/images.tar");
        assertThatThrownBy(() -> engine.save(target, BUSYBOX)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot save images to " + target + ": the directory " + dir.resolve("missing")
                        + " does not exist. Create it first or choose another path.");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void saveIntoAnUnwritableDirectoryLeavesNoFile() {
        Path target = Path.of("/sys/berth-save-test.tar");
        assertThatThrownBy(() -> engine.save(target, BUSYBOX)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot save images to /sys/berth-save-test.tar: the directory /sys is not writable."
                        + " Choose a writable path.");
        assertThat(target).doesNotExist();
    }

    @Test
    void saveBelowARegularFileOrOntoADirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> engine.save(file.resolve("images.tar"), BUSYBOX)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot save images to " + file.resolve("images.tar") + ": " + file
                        + " is not a directory. Choose a path in a directory.");
        Path folder = Files.createDirectory(dir.resolve("images.tar"));
        assertThatThrownBy(() -> engine.save(folder, BUSYBOX)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot save images to " + folder + ": it is a directory. Give a file name ending in .tar"
                        + " or .tar.gz.");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("notes.txt", "images.tar");
    }

    @Test
    void saveWithAnotherExtensionOrAMissingImageIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> engine.save(dir.resolve("images.zip"), BUSYBOX)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid archive path: \"" + dir.resolve("images.zip") + "\". Allowed: a file name ending in"
                        + " .tar, .tar.gz or .tgz. Example: \"build/images.tar.gz\".");
        Path target = dir.resolve("images.tar.gz");
        assertThatThrownBy(() -> engine.save(target, ImageRef.parse("berth-snapshots/never-made:1")))
                .isInstanceOf(BerthException.class)
                .hasMessage("Cannot save images to " + target + ": image berth-snapshots/never-made:1 is not in the"
                        + " engine. Pull, build or load it first.");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void pushToAnUnreachableRegistryNamesTheRegistryWithinTheTimeout() {
        // a push still running after the timeout would fail with the "no answer within 30 s" message instead
        assertThatThrownBy(() -> engine.push(BUSYBOX, "127.0.0.1:1", Duration.ofSeconds(30)))
                .isInstanceOf(BerthException.class)
                .hasMessageStartingWith("Cannot push " + Docker.BUSYBOX + " to registry 127.0.0.1:1: ")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageEndingWith(". Check that the registry runs and that the Docker engine can reach it"
                        + " (a plain-HTTP registry outside 127.0.0.0/8 must be in the engine's insecure-registries).");
        assertThat(Docker.imageExists(engine.docker(), "127.0.0.1:1/berth-fixtures/busybox:1")).isFalse();
    }
}
