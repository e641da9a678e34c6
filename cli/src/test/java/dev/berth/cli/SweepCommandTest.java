package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.cleanup.ChildJvm;
import org.junit.jupiter.api.Test;

/** {@code berth sweep} on the leftovers of a session whose JVM was killed with SIGKILL (core's child-JVM helper). */
class SweepCommandTest {
    @Test
    void listsThenRemovesTheLeftoversOfAKilledSession() throws Exception {
        String session;
        String container;
        String network;
        String image;
        try (ChildJvm child = new ChildJvm()) {
            session = child.ids.get("SESSION");
            container = child.ids.get("CONTAINER");
            network = child.ids.get("NETWORK");
            image = child.ids.get("IMAGE");
            child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.process.waitFor();
        }

        Cli dry = Cli.run("sweep", "--session", session);

        assertThat(dry.code()).as(dry.err()).isZero();
        String[] lines = dry.out().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("Berth sweep (dry run) on unix:///var/run/docker.sock: 3 leftover(s) of dead sessions");
        assertThat(lines[1]).startsWith("  container ").contains("(id " + container.substring(0, 12) + ")",
                "session " + session.substring(0, 8) + ": process ").endsWith(" is gone");
        assertThat(lines[2]).startsWith("  network ").contains(network.substring(0, 12), "session " + session.substring(0, 8));
        assertThat(lines[3]).startsWith("  image ").contains(image.replace("sha256:", "").substring(0, 12));
        assertThat(lines[4]).isEqualTo("Nothing was removed. Run again with --remove to remove them.");

        Cli removed = Cli.run("sweep", "--remove", "--session", session);

        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.out()).startsWith("Berth sweep on unix:///var/run/docker.sock: 3 leftover(s) of dead sessions\n")
                .endsWith("Removed 3 of 3.\n");
        assertThat(Cli.run("sweep", "--session", session).out())
                .isEqualTo("Berth sweep (dry run) on unix:///var/run/docker.sock: 0 leftover(s) of dead sessions\n");
        try (Engine engine = Berth.connect()) {
            assertThat(engine.imageCache().has(image)).isFalse();
            assertThat(engine.imageCache().has(container)).isFalse();
        }
    }
}
