package dev.berth.cleanup;

import static dev.berth.cleanup.CleanupFixtures.exists;
import static dev.berth.cleanup.CleanupFixtures.removeQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.session.Session.Kind;
import org.junit.jupiter.api.Test;

/**
 * Crash safety with no sidecar: a run killed with SIGKILL leaves its resources; on a local engine the next
 * engine's first contact sweeps them (on a remote one the age rule keeps them while young), and leaves
 * foreign resources and kept snapshots alone.
 */
class CrashSweepTest {

    @Test
    void nextEngineSweepsWhatAKilledRunLeftButNothingElse() throws Exception {
        String foreignContainer = null;
        String foreignNetwork = null;
        try (DockerClient raw = CleanupFixtures.raw(); ChildJvm child = new ChildJvm("--kept")) {
            try {
                foreignContainer = raw.createContainerCmd(CleanupFixtures.BUSYBOX).withCmd("sleep", "600").exec().getId();
                raw.startContainerCmd(foreignContainer).exec();
                foreignNetwork = raw.createNetworkCmd().withName("foreign-" + child.ids.get("SESSION").substring(0, 8))
                        .exec().getId();

                child.process.destroyForcibly();
                child.process.waitFor();

                Sweeper probe = new Sweeper(raw, SweepPolicy.forThisJvm(SweepPolicy.Mode.DEAD,
                        SweepPolicy.DEFAULT_MAX_AGE, true, null));
                for (String round : new String[] {"cold", "warm"}) {
                    long findStart = System.nanoTime();
                    int found = probe.find().size();
                    System.out.println("[berth-cleanup] Sweeper.find() (4 list calls, " + round + " client) found " + found
                            + " leftover(s) in " + (System.nanoTime() - findStart) / 1_000_000 + " ms");
                }
                long start = System.nanoTime();
                try (Engine next = Berth.connect()) {
                    long connectMs = (System.nanoTime() - start) / 1_000_000;
                    dev.berth.Internals.swept(next); // the sweep runs in the background, off connect's path
                    System.out.println("[berth-cleanup] Berth.connect() took " + connectMs + " ms, the sweep done "
                            + (System.nanoTime() - start) / 1_000_000 + " ms after it began");
                    // a local engine (unix socket) sweeps a session whose process is gone; on a remote engine the
                    // process cannot be checked, so the age rule keeps this seconds-old session (RemoteEngineSweepTest
                    // shows an old one swept there)
                    boolean local = next.endpoint().dockerHost().startsWith("unix://");
                    assertThat(exists(raw, Kind.CONTAINER, child.ids.get("CONTAINER"))).as("swept container").isEqualTo(!local);
                    assertThat(exists(raw, Kind.NETWORK, child.ids.get("NETWORK"))).as("swept network").isEqualTo(!local);
                    assertThat(exists(raw, Kind.IMAGE, child.ids.get("IMAGE"))).as("swept snapshot").isEqualTo(!local);
                    assertThat(exists(raw, Kind.IMAGE, child.ids.get("KEPT"))).as("kept snapshot").isTrue();
                    assertThat(exists(raw, Kind.CONTAINER, foreignContainer)).as("foreign container").isTrue();
                    assertThat(exists(raw, Kind.NETWORK, foreignNetwork)).as("foreign network").isTrue();
                }
            } finally {
                removeQuietly(raw, Kind.CONTAINER, foreignContainer);
                removeQuietly(raw, Kind.NETWORK, foreignNetwork);
                removeQuietly(raw, Kind.CONTAINER, child.ids.get("CONTAINER"));
                removeQuietly(raw, Kind.NETWORK, child.ids.get("NETWORK"));
                removeQuietly(raw, Kind.IMAGE, child.ids.get("IMAGE"));
                removeQuietly(raw, Kind.IMAGE, child.ids.get("KEPT"));
            }
        }
    }
}
