package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.berth.engine.EngineLocator;
import dev.berth.engine.EngineTimeouts;
import dev.berth.faults.FaultyEngineProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that accepts connections and never answers (a proxy the test owns in front of the real
 * socket, switched to hang): every public call ends in its bound with {@link EngineUnavailableException}
 * naming the endpoint and the call, and discovery falls back to the next location. The shared daemon is
 * never disturbed; containers started through a proxy are removed through the real socket afterwards.
 */
class HungEngineTest {
    private static final String CHECK = "\nCheck that the engine runs and answers (docker -H %s info).";
    private static Engine real;
    private final List<String> leftovers = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        real = Berth.connect();
    }

    @AfterAll
    static void close() {
        real.close();
    }

    @AfterEach
    void removeLeftovers() {
        for (String id : leftovers) {
            real.docker().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    static Engine through(FaultyEngineProxy proxy, EngineTimeouts timeouts) {
        EngineLocator.Located located = EngineLocator.pinned(Map.of(), Path.of(System.getProperty("user.home")),
                proxy.dockerHost()).withTimeouts(timeouts).locate();
        return new Engine(EngineOptions.defaults(), located.endpoint(), located.client());
    }

    static <T> T timed(String what, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            System.out.println(what + " took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    @Test
    void discoveryFallsBackFromAHungSocketToTheNextLocationWithinThePingTimeout() throws IOException {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("hung.sock"))) {
            proxy.hang();
            EngineLocator.Located located = timed("discovery past a hung DOCKER_HOST",
                    () -> new EngineLocator(Map.of("DOCKER_HOST", proxy.dockerHost()), tmp).locate());
            try (var client = located.client()) {
                assertThat(located.endpoint().dockerHost()).isEqualTo("unix:///var/run/docker.sock");
            }
        }
    }

    @Test
    void connectingToAHungPinnedSocketFailsNamingThePingTimeout() throws IOException {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("hung.sock"))) {
            proxy.hang();
            Throwable thrown = catchThrowable(() -> timed("Berth.connect(hung socket)",
                    () -> Berth.connect(proxy.dockerHost())));
            assertThat(thrown).isInstanceOf(EngineUnavailableException.class).hasMessageStartingWith(
                    "No Docker engine answered. Tried:\n  - " + proxy.dockerHost() + " (pinned endpoint): no answer to a"
                            + " ping within 2000 ms (berth.engine.ping-timeout)\n");
        }
    }

    @Test
    void stateExecAndStartOfAHungEngineFailNamingTheEndpointAndTheCall() throws IOException {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"))) {
            Engine engine = through(proxy, EngineTimeouts.defaults().withCall(Duration.ofSeconds(10)));
            RunningContainer c = engine.start(ContainerSpec.of(Fixtures.BUSYBOX).withCommand("sleep", "300"));
            leftovers.add(c.id());
            proxy.hang();
            String host = proxy.dockerHost();
            String noAnswer = "The engine at " + host + " did not answer GET /containers/" + c.id() + "/json: no answer"
                    + " within 10000 ms (the engine call timeout berth.engine.call-timeout)." + String.format(CHECK, host);

            assertThat(catchThrowable(() -> timed("state() of a hung engine", c::state)))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageStartingWith(noAnswer);
            assertThat(catchThrowable(() -> timed("exec() on a hung engine", () -> c.exec("true"))))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageStartingWith(noAnswer);
            // the startup timeout (1 s) is shorter than the call timeout (10 s): it bounds the whole start. The
            // start's first call is the create (an image the engine holds is not asked for first); a create with no
            // answer may have made the container, and the failure says so
            Throwable start = catchThrowable(() -> timed("start() on a hung engine with a 1 s startup timeout",
                    () -> engine.start(ContainerSpec.of(Fixtures.NGINX).withStartupTimeout(Duration.ofSeconds(1)))));
            assertThat(start).isInstanceOf(ContainerStartException.class).hasMessageStartingWith("Container from image "
                    + Fixtures.NGINX + " failed to start: The engine at " + host + " did not answer POST /containers/create:"
                    + " no answer within the startup timeout of " + Fixtures.NGINX + " (1000 ms)." + String.format(CHECK, host))
                    .hasMessageContaining("may still exist on the engine at " + host)
                    .hasCauseInstanceOf(EngineUnavailableException.class);
            Throwable closing = catchThrowable(() -> timed("close() of an engine that hangs", () -> {
                engine.close();
                return null;
            }));
            assertThat(closing).isInstanceOf(BerthException.class).hasMessageContaining(host);
        }
    }

    @Test
    void aPullFromARegistryThatNeverAnswersEndsWithTheStartupTimeout() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket registry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(registry.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            String image = "127.0.0.1:" + registry.getLocalPort() + "/berth-probe/silent:1";
            Throwable thrown = catchThrowable(() -> timed("start() pulling from a registry that never answers",
                    () -> real.start(ContainerSpec.of(image).withStartupTimeout(Duration.ofSeconds(3)))));
            assertThat(thrown).isInstanceOf(ImageNotFoundException.class).hasMessageContaining(
                    "registry 127.0.0.1:" + registry.getLocalPort() + ": the pull did not finish within the startup"
                            + " timeout of " + image + " (3000 ms); it was abandoned");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
