package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.StopPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A graceful stop of a PID 1 without a SIGTERM handler ends in SIGKILL, and Berth says why. */
class Pid1WarningTest {

    @Test
    void warnsWhenAGracefulStopHadToKill() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String name;
        try (Engine engine = Berth.connect()) {
            RunningContainer c = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600")
                    .withStopPolicy(StopPolicy.graceful(Duration.ofSeconds(1))));
            name = c.name();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            c.close();
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Berth: container " + name
                + " ignored SIGTERM for 1s and was killed. Its PID 1 probably has no SIGTERM handler (a PID 1 ignores"
                + " signals it does not handle). Run it with an init process (Namespaces.withInit()) or use"
                + " StopPolicy.kill() to skip the grace period.");
    }
}
