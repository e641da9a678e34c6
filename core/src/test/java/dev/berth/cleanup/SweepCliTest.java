package dev.berth.cleanup;

import static dev.berth.cleanup.CleanupFixtures.exists;
import static dev.berth.cleanup.CleanupFixtures.removeQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.session.Session;
import dev.berth.session.Session.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweep command, against leftovers this test fabricates: a session from another host, 30
 * minutes old (too young for any engine's automatic sweep at the default 1 h, so parallel runs
 * leave it alone). Every invocation is limited to that session with {@code --session}.
 */
class SweepCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int sweep(String... args) {
        out.reset();
        err.reset();
        return Sweep.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), System.getenv());
    }

    @Test
    void listsByDefaultAndRemovesOnlyWithRemove() throws Exception {
        String session = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of(Session.LABEL_SESSION, session, Session.LABEL_PID, "1",
                Session.LABEL_HOST, "berth-test-elsewhere",
                Session.LABEL_CREATED, Long.toString(Instant.now().minus(Duration.ofMinutes(30)).getEpochSecond()));
        String name = "leftover-" + session.substring(0, 8);
        String network = null;
        String volume = null;
        try (DockerClient raw = CleanupFixtures.raw()) {
            try {
                network = raw.createNetworkCmd().withName(name).withLabels(labels).exec().getId();
                volume = raw.createVolumeCmd().withName(name).withLabels(labels).exec().getName();
                String why = ", session " + session.substring(0, 8)
                        + ": session from host berth-test-elsewhere (its process cannot be checked here) older than 10m (created 30m";

                assertThat(sweep("--session", session)).isZero();
                assertThat(out.toString()).isEqualTo(
                        "Berth sweep (dry run) on unix:///var/run/docker.sock: 0 leftover(s) of dead sessions\n");

                assertThat(sweep("--max-age", "10m", "--session", session)).isZero();
                assertThat(out.toString())
                        .startsWith("Berth sweep (dry run) on unix:///var/run/docker.sock: 2 leftover(s) of dead sessions\n")
                        .contains("  network " + name + " (id " + network.substring(0, 12) + ")" + why)
                        .contains("  volume " + name + why)
                        .endsWith("Nothing was removed. Run again with --remove to remove them.\n");
                assertThat(exists(raw, Kind.NETWORK, network)).isTrue();
                assertThat(exists(raw, Kind.VOLUME, volume)).isTrue();

                assertThat(sweep("--older-than", "20m", "--session", session)).isZero();
                assertThat(out.toString()).contains("2 leftover(s) older than 20m");

                assertThat(sweep("--remove", "--older-than", "20m", "--session", session)).isZero();
                assertThat(out.toString()).containsPattern("Removed 2 of 2 in \\d+ ms\\.\n$");
                assertThat(exists(raw, Kind.NETWORK, network)).isFalse();
                assertThat(exists(raw, Kind.VOLUME, volume)).isFalse();
            } finally {
                removeQuietly(raw, Kind.NETWORK, network);
                removeQuietly(raw, Kind.VOLUME, volume);
            }
        }
    }

    @Test
    void rejectsBadUsageWithExitTwo() {
        assertThat(sweep("--older-than")).isEqualTo(2);
        assertThat(err.toString()).startsWith("sweep: Option --older-than needs a value, e.g. --older-than 1h.\nUsage: sweep ");
        assertThat(sweep("--older-than", "soon")).isEqualTo(2);
        assertThat(err.toString()).startsWith("sweep: Invalid --older-than: \"soon\"."
                + " Allowed: a whole number with ms, s, m, h or d. Example: \"1h\".\n");
        assertThat(sweep("--purge")).isEqualTo(2);
        assertThat(err.toString()).startsWith("sweep: Unknown option --purge.\n");
        assertThat(sweep("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: sweep [--dry-run | --remove]");
    }
}
