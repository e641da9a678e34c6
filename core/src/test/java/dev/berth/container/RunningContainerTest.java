package dev.berth.container;

import dev.berth.Internals;
import static dev.berth.Fixtures.BUSYBOX;
import static dev.berth.Fixtures.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.ContainerState;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.FileCopy;
import dev.berth.RunningContainer;
import dev.berth.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningContainerTest extends EngineTestSupport {
    @Test
    void execSeparatesStdoutAndStderrAndHonoursUserEnvAndExitCode() {
        try (RunningContainer c = engine.start(sleeper())) {
            ExecResult r = c.exec(ExecSpec.of("sh", "-c", "echo out-$GREETING; id -u; echo err >&2; exit 7")
                    .withUser("nobody").withEnv("GREETING", "hi"));
            assertThat(r.exitCode()).isEqualTo(7);
            assertThat(r.stdout()).isEqualTo("out-hi\n65534\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(c.exec("true").succeeded()).isTrue();
        }
    }

    @Test
    void execTimesOut() {
        try (RunningContainer c = engine.start(sleeper())) {
            assertThatThrownBy(() -> c.exec(ExecSpec.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Command [sleep, 30] in container " + c.name()
                            + " did not finish within PT0.3S. Raise it with ExecSpec.withTimeout(…).");
        }
    }

    @Test
    void execOfAMissingBinaryIsAClearErrorButAShellsNotFoundIsAResult() {
        try (RunningContainer c = engine.start(sleeper())) {
            assertThatThrownBy(() -> c.exec("no-such-binary", "--flag"))
                    .isInstanceOf(BerthException.class)
                    .hasMessageStartingWith("Cannot run [no-such-binary, --flag] in container " + c.name()
                            + ": the binary \"no-such-binary\" was not found in the container (exit code ")
                    .hasMessageContaining("). Use a binary the image has, by absolute path or on its PATH, or run it"
                            + " through a shell: ExecSpec.of(\"sh\", \"-c\", \"…\"). The runtime said: ");
            ExecResult shell = c.exec("sh", "-c", "no-such-binary");
            assertThat(shell.exitCode()).isEqualTo(127);
            assertThat(shell.stderr()).contains("no-such-binary");
        }
    }

    @Test
    void execOnAStoppedContainerIsAClearError() {
        try (RunningContainer c = engine.start(sleeper())) {
            c.kill("SIGKILL");
            awaitExited(c);
            assertThatThrownBy(() -> c.exec("ls"))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Cannot run [ls] in container " + c.name()
                            + ": it is not running (status exited, exit code 137). Exec needs a running container;"
                            + " check its logs() and state().");
            assertThatThrownBy(() -> c.kill("SIGHUP"))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Cannot send SIGHUP to container " + c.name() + ": it is not running."
                            + " Check its state() first, or restart() it.");
        }
    }

    @Test
    void logsAreCapturedContinuouslyAndSurviveRemoval() throws Exception {
        // stderr first, stdout only once told to: Docker reads the two pipes concurrently, so only
        // this sequencing gives a deterministic order
        RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "echo oops >&2; while [ ! -f /tmp/go ]; do sleep 0.05; done;"
                        + " for i in 1 2 3 4 5; do echo line$i; done; sleep 600")
                .waitingFor(Wait.forLogMessage("oops")));
        List<String> followed = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch last = new java.util.concurrent.CountDownLatch(1);
        try (var sub = c.logs().follow(line -> {
            followed.add(line);
            if (line.equals("line5")) {
                last.countDown();
            }
        })) {
            c.exec("touch", "/tmp/go");
            assertThat(last.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(c.logs().lines()).containsExactly("oops", "line1", "line2", "line3", "line4", "line5");
            assertThat(c.logs().last(2)).containsExactly("line4", "line5");
            assertThat(c.logs().all()).isEqualTo("oops\nline1\nline2\nline3\nline4\nline5");
            assertThat(followed).containsExactly("oops", "line1", "line2", "line3", "line4", "line5");
        }
        c.close();
        assertThat(c.logs().last(1)).containsExactly("line5");
        c.close(); // idempotent
    }

    @Test
    void followDeliversNewLinesAsTheyArrive() throws Exception {
        try (RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "echo first; sleep 600"))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch got = new java.util.concurrent.CountDownLatch(1);
            try (var sub = c.logs().follow(line -> {
                seen.add(line);
                if (line.equals("later")) {
                    got.countDown();
                }
            })) {
                c.exec("sh", "-c", "echo later > /proc/1/fd/1");
                assertThat(got.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
            assertThat(seen).containsExactly("first", "later");
        }
    }

    @Test
    void copyInAndOutKeepContentAndModes(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Files.createDirectories(dir.resolve("sub"));
        Path script = Files.writeString(dir.resolve("sub/run.sh"), "#!/bin/sh\necho ran\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        try (RunningContainer c = engine.start(sleeper())) {
            c.copyIn(dir, "/etc/app");
            c.copyIn(tmp.resolve("conf/a.txt"), "/opt/single.txt");
            c.copyIn(new FileCopy("/opt/bytes.bin", new FileCopy.Bytes("xyz".getBytes(StandardCharsets.UTF_8)),
                    0600));
            assertThat(c.exec("cat", "/etc/app/a.txt", "/opt/single.txt", "/opt/bytes.bin").stdout())
                    .isEqualTo("alphaalphaxyz");
            assertThat(c.exec("/etc/app/sub/run.sh").stdout()).isEqualTo("ran\n");
            assertThat(c.exec("stat", "-c", "%a", "/etc/app/sub/run.sh", "/opt/bytes.bin").stdout())
                    .isEqualTo("750\n600\n");

            Path out = tmp.resolve("out");
            c.copyOut("/etc/app", out);
            assertThat(Files.readString(out.resolve("app/a.txt"))).isEqualTo("alpha");
            assertThat(Files.readString(out.resolve("app/sub/run.sh"))).isEqualTo("#!/bin/sh\necho ran\n");
            assertThat(Files.isExecutable(out.resolve("app/sub/run.sh"))).isTrue();
        }
    }

    @Test
    void copyOutOfAMissingPathIsAClearError(@TempDir Path tmp) {
        try (RunningContainer c = engine.start(sleeper())) {
            assertThatThrownBy(() -> c.copyOut("/no/such", tmp))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Cannot copy /no/such of container " + c.name()
                            + ": no such file or directory (or the container is gone).");
        }
    }

    @Test
    void stateStopKillRestartAndRemove() {
        RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "trap 'echo got-term; exit 0' TERM; echo up; while true; do sleep 0.1; done")
                .waitingFor(Wait.forLogMessage("up"))); // the trap is set: a stop before it would wait 20 s for a kill
        ContainerState running = c.state();
        assertThat(running.running()).isTrue();
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.exitCode()).isEmpty();
        assertThat(running.startedAt()).isPresent();
        assertThat(running.finishedAt()).isEmpty();
        assertThat(running.health()).isEmpty();

        c.stop(Duration.ofSeconds(20));
        ContainerState stopped = c.state();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.exitCode()).hasValue(0);
        assertThat(stopped.oomKilled()).isFalse();
        assertThat(stopped.finishedAt()).isPresent();
        assertThat(c.logs().lines()).containsExactly("up", "got-term");

        c.restart();
        assertThat(c.state().running()).isTrue();
        // a kill right after the restart can beat the shell's first echo on a loaded machine
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> c.logs().lines().size() >= 3);
        c.kill("SIGKILL");
        ContainerState killed = awaitExited(c);
        assertThat(killed.exitCode()).hasValue(137);
        assertThat(c.logs().lines()).startsWith("up", "got-term", "up");

        c.remove();
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(c.id()).exec())
                .isInstanceOf(NotFoundException.class);
        c.remove();
        c.close();
    }

    @Test
    void closeIsFineWhenTheUserAlreadyRemovedIt() {
        RunningContainer c = engine.start(sleeper());
        engine.docker().removeContainerCmd(c.id()).withForce(true).exec();
        assertThatThrownBy(c::state).isInstanceOf(BerthException.class)
                .hasMessage("Container " + c.name() + " (" + c.id().substring(0, 12) + ") no longer exists: it was"
                        + " removed. Its captured logs() are still available.");
        assertThatThrownBy(() -> c.stop(Duration.ofSeconds(1))).hasMessageContaining("no longer exists");
        c.close();
        c.close();
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.id().equals(c.id()));
    }

    @Test
    void removeTakesAnonymousVolumesAlong() {
        RunningContainer c = engine.start(ContainerSpec.of("localhost:5000/berth-fixtures/postgres:15")
                .withEntrypoint("sleep").withCommand("600"));
        List<String> volumes = engine.docker().inspectContainerCmd(c.id()).exec().getMounts().stream()
                .map(m -> m.getName()).filter(n -> n != null).toList();
        assertThat(volumes).hasSize(1);
        c.close();
        assertThatThrownBy(() -> engine.docker().inspectVolumeCmd(volumes.get(0)).exec())
                .isInstanceOf(NotFoundException.class);
    }

    static ContainerState awaitExited(RunningContainer c) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(c::state, s -> !s.running());
    }
}
