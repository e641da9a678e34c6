package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, usage errors and their exit codes; no engine needed. */
class UsageTest {
    @Test
    void everySubcommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"doctor", "--help"}, {"sweep", "--help"}, {"cache", "--help"},
            {"cache", "list", "--help"}, {"cache", "save", "--help"}, {"cache", "load", "--help"},
            {"cache", "prune", "--help"}, {"report", "--help"}}) {
            Cli r = Cli.run(args);
            String command = String.join(" ", args).replace(" --help", "").replace("--help", "");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: berth" + (command.isEmpty() ? "" : " " + command)).contains("Exit codes:");
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.run();

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Missing command: doctor, sweep, cache or report\nRun 'berth --help' for usage.\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("sweep", "--nope");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Unknown option: '--nope'\nRun 'berth sweep --help' for usage.\n");
    }

    @Test
    void badDurationNamesTheOptionAndAnExample() {
        Cli r = Cli.run("sweep", "--older-than", "5x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Invalid --older-than: \"5x\". Allowed: a whole number with ms, s, m, h or d. "
                + "Example: \"1h\".\nRun 'berth sweep --help' for usage.\n");
    }

    @Test
    void pruneNeedsALimit() {
        Cli r = Cli.run("cache", "prune");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Missing --older-than DURATION or --max-size SIZE (e.g. --older-than 7d)\n"
                + "Run 'berth cache prune --help' for usage.\n");
    }

    @Test
    void reportWithoutDataSaysWhereItLooked(@TempDir Path dir) {
        Cli r = Cli.run("report", dir.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("berth: No run report data at " + dir.resolve("berth-run.json")
                + ". Run a suite with the Berth extension first; it writes berth-run.json into target/berth-reports.\n");
    }

    @Test
    void sweepWithoutEngineExitsThree() {
        String socket = "/tmp/berth-dead-" + UUID.randomUUID() + ".sock";

        Cli r = Cli.withDockerHost("unix://" + socket, "sweep");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("berth: No Docker engine answered. Tried:\n"
                + "  - unix://" + socket + " (pinned endpoint): no socket at " + socket + "\n"
                + "Start an engine at that endpoint, or pin one where an engine listens (unix:///path/to/docker.sock or "
                + "tcp://host:2376). Only the pinned endpoint is tried: DOCKER_HOST and the default sockets are not.\n");
    }
}
