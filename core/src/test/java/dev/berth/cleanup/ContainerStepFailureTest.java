package dev.berth.cleanup;

import dev.berth.Internals;
import static dev.berth.cleanup.CleanupFixtures.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.StopPolicy;
import dev.berth.session.Session.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The container step fails (a narrow Mockito seam: the engine refuses the removal); the graceful
 * stop before it and the network step after it still run.
 */
class ContainerStepFailureTest {

    @Test
    void aFailedContainerRemovalDoesNotStopTheNetworkStep() throws Exception {
        try (DockerClient raw = CleanupFixtures.raw(); Engine engine = Berth.connect()) {
            RunningContainer c = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600")
                    .withStopPolicy(StopPolicy.graceful(Duration.ofSeconds(1))));
            Network n = engine.network("after");
            DockerClient refusing = spy(engine.docker());
            doThrow(new InternalServerErrorException("driver failed to remove root filesystem"))
                    .when(refusing).removeContainerCmd(c.id());

            Steps steps = new Steps();
            new SessionTeardown(refusing, Internals.ledger(engine)).run(true, steps);

            assertThat(steps.attempted()).isEqualTo(3);
            assertThat(steps.failures()).singleElement().satisfies(f -> {
                assertThat(f.step()).isEqualTo("remove container " + c.name() + " (id " + c.id().substring(0, 12) + ")");
                assertThat(f.reason()).isEqualTo("Status 500: driver failed to remove root filesystem");
            });
            assertThat(raw.inspectContainerCmd(c.id()).exec().getState().getRunning()).as("stopped first").isFalse();
            assertThat(exists(raw, Kind.NETWORK, n.id())).isFalse();
            assertThat(Internals.ledger(engine).heldNewestFirst()).extracting(r -> r.id()).containsExactly(c.id());
        }
    }
}
