package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Namespaces;
import dev.berth.RunningContainer;
import dev.berth.StopPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A graceful stop of a PID 1 without a SIGTERM handler ends in SIGKILL, and Berth says why. */
class Pid1WarningTest {

    private static final ContainerSpec SLEEP = ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600")
            .withStopPolicy(StopPolicy.graceful(Duration.ofSeconds(1)));

    /** Closes a container started from the spec and returns what Berth logged meanwhile. */
    private static String closeAndCapture(ContainerSpec spec, String[] name) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Engine engine = Berth.connect()) {
            RunningContainer c = engine.start(spec);
            name[0] = c.name();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            c.close();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anInitProcessForwardsSigtermSoNoKillIsNeeded() {
        String[] name = new String[1];
        assertThat(closeAndCapture(SLEEP.withNamespaces(Namespaces.defaults().withInit()), name))
                .doesNotContain("ignored SIGTERM");
    }

    @Test
    void warnsWhenAGracefulStopHadToKill() {
        String[] name = new String[1];
        assertThat(closeAndCapture(SLEEP, name)).contains("Berth: container " + name[0]
                + " ignored SIGTERM for 1s and was killed. Its PID 1 probably has no SIGTERM handler (a PID 1 ignores"
                + " signals it does not handle). Run it with an init process (Namespaces.withInit()) or use"
                + " StopPolicy.kill() to skip the grace period.");
    }
}
