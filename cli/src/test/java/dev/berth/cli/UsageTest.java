package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, usage errors and their exit codes; the engine is reached only by commands that connect before they read an input. */
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

    @Test
    void badSizeNamesTheOptionAndAnExample() {
        Cli r = Cli.run("cache", "prune", "--max-size", "lots");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("berth: Invalid --max-size: \"lots\". Allowed: ").contains("Example: \"10g\".")
                .endsWith("\nRun 'berth cache prune --help' for usage.\n");
    }

    @Test
    void loadFromADirectoryWithoutAnIndexNamesTheDirectory(@TempDir Path dir) {
        Cli r = Cli.run("cache", "load", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Invalid DIR: \"" + dir + "\". Allowed: a directory written by 'berth cache "
                + "save' (it holds berth-cache.tsv). Example: \"ci-cache/berth\".\nRun 'berth cache load --help' for usage.\n");
    }

    @Test
    void saveIntoAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        Cli r = Cli.run("cache", "save", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Invalid DIR: \"" + file + "\". Allowed: a directory for the CI cache "
                + "(created if missing). Example: \"ci-cache/berth\".\nRun 'berth cache save --help' for usage.\n");
    }

    @Test
    void badImageReferenceNamesTheOption() {
        Cli r = Cli.run("cache", "list", "--image", "Bad Ref");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("berth: Invalid --image: \"Bad Ref\". Allowed: an image reference "
                + "[registry/]name[:tag][@digest]. Example: \"localhost:5000/berth-fixtures/redis:7\".\n"
                + "Run 'berth cache list --help' for usage.\n");
    }

    @Test
    void loadWithAMissingArchiveSaysWhichAndHowToFix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("berth-cache.tsv"), "sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                + "\tberth-snapshots/gone:cache-0011223344556677\t10\t2026-01-01T00:00:00Z\t0011223344556677\ttrue\n");

        Cli r = Cli.run("cache", "load", dir.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("berth: Cannot load berth-snapshots/gone:cache-0011223344556677: "
                + dir.resolve("001122334455.tar") + " (listed in berth-cache.tsv) is missing. Run 'berth cache save "
                + dir + "' again to rewrite the cache.\n");
    }
}
