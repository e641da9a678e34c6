package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Fixtures;
import dev.berth.RunningContainer;
import dev.berth.faults.FaultyEngineProxy;
import dev.berth.wait.Wait;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine calls one container start makes, counted by a proxy the test owns in front of the real engine:
 * the first start of an image asks for the image; a later one creates at once, starts, follows the logs and
 * inspects once (for the published port), and the wait asks for no state while the log stream runs.
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
                assertThat(kinds(proxy.requests(), first.id())).containsKey("GET image");
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

    private static Map<String, Long> kinds(List<String> requests, String id) {
        Function<String, String> kind = r -> {
            String path = r.replaceFirst(" /v[0-9.]+/", " /");
            if (path.startsWith("GET /images/")) {
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
