package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which bound each engine call gets, and how the bounds are configured. No engine needed. */
class BoundedHttpClientTest {
    private final BoundedHttpClient client = new BoundedHttpClient("unix:///x.sock",
            EngineTimeouts.defaults().withCall(Duration.ofSeconds(3)), null, null);

    private BoundedHttpClient.Call call(String method, String path) {
        return client.classify(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.valueOf(method)).path(path).build());
    }

    @Test
    void quickCallsGetTheCallTimeoutAndAStopGetsItsGracePeriodOnTop() {
        assertThat(call("GET", "/v1.41/containers/abc/json"))
                .isEqualTo(new BoundedHttpClient.Call(BoundedHttpClient.Kind.QUICK, "GET /containers/abc/json",
                        Duration.ofSeconds(3), "the engine call timeout berth.engine.call-timeout"));
        assertThat(call("POST", "/v1.41/containers/abc/stop?t=10"))
                .isEqualTo(new BoundedHttpClient.Call(BoundedHttpClient.Kind.QUICK, "POST /containers/abc/stop",
                        Duration.ofSeconds(13), "the engine call timeout berth.engine.call-timeout plus the 10 s stop"
                        + " grace period"));
        assertThat(call("GET", "/v1.41/images/localhost:5000%2Fberth-fixtures%2Fbusybox:1/json").name())
                .isEqualTo("GET /images/localhost:5000/berth-fixtures/busybox:1/json");
    }

    @Test
    void theEnginesInfoAndVersionGetAtLeast30Seconds() {
        // Podman 4.3 takes about 2 s to answer either, more under load
        assertThat(call("GET", "/v1.41/version")).isEqualTo(new BoundedHttpClient.Call(BoundedHttpClient.Kind.QUICK,
                "GET /version", Duration.ofSeconds(30), "the engine call timeout berth.engine.call-timeout, at least"
                + " 30 s for the engine's info and version"));
        assertThat(call("GET", "/info").timeout()).isEqualTo(Duration.ofSeconds(30));
        BoundedHttpClient patient = new BoundedHttpClient("unix:///x.sock",
                EngineTimeouts.defaults().withCall(Duration.ofSeconds(40)), null, null);
        assertThat(patient.classify(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/info").build()).timeout()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void streamsAreBoundedOnlyUntilTheEngineStartsAnswering() {
        for (String path : new String[] {"/v1.41/containers/abc/logs?follow=1", "/exec/e1/start",
                "/v1.41/containers/abc/attach?stream=1", "/v1.41/events", "/v1.41/containers/abc/wait"}) {
            assertThat(call(path.contains("logs") || path.contains("events") ? "GET" : "POST", path).kind())
                    .as(path).isEqualTo(BoundedHttpClient.Kind.STREAM);
        }
    }

    @Test
    void callsThatMoveImagesOrFileTreesGetTheLongCallTimeout() {
        for (String path : new String[] {"/v1.41/images/create?fromImage=x", "/images/localhost:5000%2Fa%2Fb/push",
                "/v1.41/images/get?names=x", "/images/load", "/build", "/commit?container=x",
                "/containers/abc/archive?path=/etc", "/containers/abc/export",
                "/v4.0.0/libpod/containers/abc/healthcheck"}) {
            BoundedHttpClient.Call c = call("POST", path);
            assertThat(c.kind()).as(path).isEqualTo(BoundedHttpClient.Kind.LONG);
            assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(10));
        }
    }

    @Test
    void imageAndFileTreeBytesGoOverTheBulkTransportAndEverythingElseDoesNot() throws Exception {
        java.util.List<String> used = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (BoundedHttpClient c = new BoundedHttpClient("unix:///x.sock", EngineTimeouts.defaults(),
                named("quick", used), named("unbounded", used), named("bulk", used))) {
            for (String path : new String[] {"/v1.41/images/get?names=x", "/containers/abc/archive?path=/",
                    "/images/load", "/v1.41/images/create?fromImage=x", "/containers/abc/json",
                    "/containers/abc/logs?follow=1"}) {
                c.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path)
                        .build()).close();
            }
        }
        assertThat(used).containsExactly("bulk", "bulk", "bulk", "unbounded", "quick", "unbounded");
    }

    private static DockerHttpClient named(String name, java.util.List<String> used) {
        return new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                used.add(name);
                return new Response() {
                    @Override
                    public int getStatusCode() {
                        return 200;
                    }

                    @Override
                    public Map<String, java.util.List<String>> getHeaders() {
                        return Map.of();
                    }

                    @Override
                    public java.io.InputStream getBody() {
                        return java.io.InputStream.nullInputStream();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void timeoutsAreReadFromPropertiesFirstThenTheEnvironment() {
        Properties p = new Properties();
        p.setProperty("berth.engine.call-timeout", "45s");
        EngineTimeouts t = EngineTimeouts.from(p, Map.of("BERTH_ENGINE_CALL_TIMEOUT", "1s",
                "BERTH_ENGINE_PING_TIMEOUT", "500ms", "BERTH_ENGINE_LONG_CALL_TIMEOUT", "1h"));
        assertThat(t).isEqualTo(new EngineTimeouts(Duration.ofMillis(500), Duration.ofSeconds(45), Duration.ofHours(1)));
        assertThat(EngineTimeouts.from(new Properties(), Map.of())).isEqualTo(EngineTimeouts.defaults());
    }

    @Test
    void aBadTimeoutSettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> EngineTimeouts.from(new Properties(), Map.of("BERTH_ENGINE_CALL_TIMEOUT", "soon")))
                .isInstanceOf(InvalidSpecException.class).hasMessage("Invalid BERTH_ENGINE_CALL_TIMEOUT: \"soon\"."
                        + " Allowed: a whole number with ms, s, m, h or d. Example: \"1h\".");
        Properties p = new Properties();
        p.setProperty("berth.engine.ping-timeout", "0s");
        assertThatThrownBy(() -> EngineTimeouts.from(p, Map.of())).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid berth.engine.ping-timeout: \"0s\". Allowed: a positive duration. Example: \"30s\".");
    }
}
