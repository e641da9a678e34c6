package dev.berth.cleanup;

import dev.berth.Internals;
import static dev.berth.cleanup.CleanupFixtures.exists;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.session.Session.Kind;
import org.junit.jupiter.api.Test;

/** Closing twice, or closing what the user already removed, is harmless. */
class IdempotentTeardownTest {

    @Test
    void closingTwiceAndClosingWhatIsAlreadyGoneAreFine() throws Exception {
        try (DockerClient raw = CleanupFixtures.raw(); Engine engine = Berth.connect()) {
            RunningContainer removedByUser = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600"));
            Network netRemovedByUser = engine.network("gone");
            RunningContainer closedTwice = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600"));
            RunningContainer leftForEngine = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600"));

            raw.removeContainerCmd(removedByUser.id()).withForce(true).exec();
            raw.removeNetworkCmd(netRemovedByUser.id()).exec();
            closedTwice.close();
            closedTwice.close();
            removedByUser.close();

            engine.close();
            engine.close();

            assertThat(exists(raw, Kind.CONTAINER, leftForEngine.id())).isFalse();
            assertThat(exists(raw, Kind.CONTAINER, closedTwice.id())).isFalse();
            assertThat(Internals.ledger(engine).heldNewestFirst()).isEmpty();
        }
    }
}
