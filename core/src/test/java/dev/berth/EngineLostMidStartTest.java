package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.berth.engine.EngineTimeouts;
import dev.berth.faults.FaultyEngineProxy;
import dev.berth.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine goes away (the proxy in front of the real socket closes every connection and refuses new ones)
 * or hangs (the proxy stops answering, the log stream included) while a container waits for a log line:
 * the start fails within the call timeout, naming the endpoint, saying the container may still exist on the
 * engine and how to remove it.
 */
class EngineLostMidStartTest {
    @TempDir
    Path tmp;

    @Test
    void losingTheEngineMidStartNamesTheEndpointAndTheLeftoverContainer() throws Exception {
        String thrown = startThenBreak(FaultyEngineProxy::closeAll, Duration.ofSeconds(90), "the connection failed: ");
        // the OS's words depend on the connection the failed call got: a new one is refused, a pooled one the
        // proxy closed breaks on write or is reset
        assertThat(thrown).containsAnyOf("Connection refused", "Broken pipe", "Connection reset");
    }

    @Test
    void anEngineThatHangsDuringALogWaitFailsTheStartWithinItsStartupAndCallTimeouts() throws Exception {
        // a frozen log stream looks like a silent container: the wait ends (with the startup timeout, or earlier
        // when the frozen stream is dropped), then the state call finds the engine hung. Which of the two ends the
        // wait first depends on timing (CI saw both: 29.4 s and 20.1 s after the fault), so the message is
        // checked for the hung call, not for the wait's own timeout text.
        startThenBreak(FaultyEngineProxy::hang, Duration.ofSeconds(20),
                "no answer within 10000 ms (the engine call timeout");
    }

    private interface Fault {
        void apply(FaultyEngineProxy proxy) throws Exception;
    }

    /** @return the start failure's message */
    private String startThenBreak(Fault fault, Duration startupTimeout, String what) throws Exception {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"));
             Engine real = Berth.connect()) {
            Engine engine = HungEngineTest.through(proxy, EngineTimeouts.defaults().withCall(Duration.ofSeconds(10)));
            String session = engine.session().id();
            CompletableFuture<RunningContainer> start = CompletableFuture.supplyAsync(() -> engine.start(
                    ContainerSpec.of(Fixtures.BUSYBOX).withName("lost").withCommand("sh", "-c", "sleep 60; echo ready")
                            .waitingFor(Wait.forLogMessage("ready")).withStartupTimeout(startupTimeout)));
            List<Container> created = List.of();
            for (int i = 0; i < 600 && created.isEmpty(); i++) {
                Thread.sleep(50);
                created = real.docker().listContainersCmd().withLabelFilter(java.util.Map.of("dev.berth.session", session))
                        .exec();
            }
            assertThat(created).hasSize(1);
            String id = created.get(0).getId();
            try {
                long broken = System.nanoTime();
                fault.apply(proxy);
                Throwable thrown = catchCause(start);
                System.out.println("start failed " + (System.nanoTime() - broken) / 1_000_000 + " ms after the fault");
                String host = proxy.dockerHost();
                String name = created.get(0).getNames()[0].substring(1);
                assertThat(thrown).isInstanceOf(ContainerStartException.class)
                        .hasMessageContaining("The engine at " + host + " did not answer GET /containers/" + id
                                + "/json: " + what)
                        .hasMessageContaining("\n  The container " + name + " (" + id.substring(0, 12) + ") may still"
                                + " exist on the engine at " + host + ". Remove it with: docker -H " + host + " rm -f "
                                + name + "\n  Once this run has ended, scripts/sweep --remove removes everything it"
                                + " left (by its dev.berth.* labels).");
                assertThat(name).startsWith("berth-lost-");
                // and it does still exist
                assertThat(real.docker().inspectContainerCmd(id).exec().getState().getRunning()).isTrue();
                return thrown.getMessage();
            } finally {
                real.docker().removeContainerCmd(id).withForce(true).exec();
                try {
                    engine.close();
                } catch (BerthException expected) {
                    // its engine is gone
                }
            }
        }
    }

    private static Throwable catchCause(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the start did not end within 60 s of losing the engine", e);
        }
    }
}
