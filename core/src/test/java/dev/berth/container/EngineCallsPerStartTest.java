package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.EngineOptions;
import dev.berth.Fixtures;
import dev.berth.RunningContainer;
import dev.berth.faults.FaultyEngineProxy;
import dev.berth.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine calls one container start makes, counted by a proxy the test owns in front of the real engine:
 * a start of an image the engine holds creates at once (no image inspect, the first start included), starts,
 * follows the logs and inspects once (for the published port), and the wait asks for no state while the log
 * stream runs. An image the spec's name does not find (here a prefix rule's) costs one failed create on the
 * first start only. The engine describes itself ({@code /info}, {@code /version}) once, in the background after the
 * first container is ready, not at connect, where that read competed with the first start in a fresh JVM.
 */
class EngineCallsPerStartTest {
    @TempDir
    Path tmp;

    @Test
    void aRepeatedStartCreatesStartsFollowsTheLogsAndInspectsOnce() throws Exception {
        ContainerSpec spec = ContainerSpec.of(Fixtures.NGINX).withExposedPorts(80)
                .waitingFor(Wait.forHttp("/").forStatusCode(200));
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"));
             Engine engine = Berth.connect(proxy.dockerHost())) {
            String firstId;
            try (RunningContainer first = engine.start(spec)) {
                firstId = first.id();
                assertThat(kinds(proxy.requests(), first.id())).as("calls of the first start: %s", proxy.requests())
                        .containsEntry("POST create", 1L).doesNotContainKey("GET image");
            }
            proxy.clearRequests();
            long begin = System.nanoTime();
            try (RunningContainer second = engine.start(spec)) {
                long seconds = (System.nanoTime() - begin) / 1_000_000_000L;
                List<String> mine = proxy.requests().stream().filter(r -> !r.contains(firstId)).toList();
                Map<String, Long> kinds = kinds(mine, second.id());
                assertThat(kinds).as("calls of the second start: %s", mine)
                        .containsEntry("POST create", 1L).containsEntry("POST start", 1L)
                        .containsEntry("GET logs", 1L).doesNotContainKey("GET image").doesNotContainKey("other");
                // one inspect for the port; a wait longer than a second also asks for the state once a second
                assertThat(kinds.get("GET inspect")).as("inspects of the second start: %s", mine)
                        .isBetween(1L, 1L + seconds);
            }
        }
    }

    @Test
    void anImageOnlyAPrefixRuleFindsCostsOneFailedCreateOnTheFirstStartOnly() throws Exception {
        // busybox:1 is not on the engine under Docker Hub's name; the prefix rule finds the loopback fixture
        ContainerSpec spec = ContainerSpec.of("busybox:1").withCommand("sleep", "30");
        String prefix = Fixtures.BUSYBOX.substring(0, Fixtures.BUSYBOX.indexOf("busybox:1"));
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"));
             Engine engine = Berth.connect(EngineOptions.defaults().withDockerHost(proxy.dockerHost())
                     .withSetting("berth.image.prefix", prefix))) {
            assertThat(engine.images().exists("busybox:1")).as("busybox:1 under Docker Hub's name").isFalse();
            proxy.clearRequests();
            try (RunningContainer first = engine.start(spec)) {
                assertThat(engine.docker().inspectContainerCmd(first.id()).exec().getConfig().getImage())
                        .isEqualTo(Fixtures.BUSYBOX);
                assertThat(kinds(proxy.requests(), first.id())).as("calls of the first start: %s", proxy.requests())
                        .containsEntry("POST create", 2L).containsKey("GET image");
            }
            proxy.clearRequests();
            try (RunningContainer second = engine.start(spec)) {
                assertThat(kinds(proxy.requests(), second.id())).as("calls of the second start: %s", proxy.requests())
                        .containsEntry("POST create", 1L);
            }
        }
    }

    @Test
    void theEngineIsAskedForItsInfoAndVersionOnlyOnceTheFirstContainerIsReady() throws Exception {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"));
             Engine engine = Berth.connect(proxy.dockerHost())) {
            assertThat(proxy.requests()).as("calls of connect")
                    .anyMatch(r -> r.replaceFirst(" /v[0-9.]+/", " /").equals("GET /_ping"))
                    .noneMatch(EngineCallsPerStartTest::describes);
            try (RunningContainer first = engine.start(Fixtures.sleeper())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> engine.knownInfo().isPresent());
                List<String> calls = proxy.requests();
                int started = indexOf(calls, r -> r.startsWith("POST ") && r.contains("/containers/" + first.id()
                        + "/start"));
                int described = indexOf(calls, EngineCallsPerStartTest::describes);
                assertThat(started).as("the start in %s", calls).isNotNegative();
                assertThat(described).as("the first /info or /version after the start in %s", calls)
                        .isGreaterThan(started);
                assertThat(calls.stream().filter(r -> r.replaceFirst(" /v[0-9.]+/", " /").equals("GET /info"))
                        .count()).as("/info reads in %s", calls).isEqualTo(1);
            }
        }
    }

    private static boolean describes(String request) {
        String path = request.replaceFirst(" /v[0-9.]+/", " /");
        return path.equals("GET /info") || path.equals("GET /version");
    }

    private static int indexOf(List<String> requests, java.util.function.Predicate<String> which) {
        for (int i = 0; i < requests.size(); i++) {
            if (which.test(requests.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Long> kinds(List<String> requests, String id) {
        Function<String, String> kind = r -> {
            String path = r.replaceFirst(" /v[0-9.]+/", " /");
            if (path.startsWith("GET /images/") && !path.startsWith("GET /images/json")) { // not the sweep's list
                return "GET image";
            }
            if (path.startsWith("POST /containers/create")) {
                return "POST create";
            }
            if (path.startsWith("POST /containers/" + id + "/start")) {
                return "POST start";
            }
            if (path.startsWith("GET /containers/" + id + "/logs")) {
                return "GET logs";
            }
            if (path.startsWith("GET /containers/" + id + "/json")) {
                return "GET inspect";
            }
            return "other";
        };
        return requests.stream().collect(Collectors.groupingBy(kind, Collectors.counting()));
    }
}
