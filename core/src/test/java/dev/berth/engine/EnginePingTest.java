package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the ping's {@code Server} header says: found whatever its name's case; Docker only for {@code Docker/…}. */
class EnginePingTest {
    @Test
    void theServerHeaderIsFoundWhateverItsNamesCase() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Api-Version", List.of("1.41"));
        headers.put("server", List.of("Libpod/4.3.1 (linux)"));
        assertThat(EnginePing.serverOf(answer(headers))).hasValue("Libpod/4.3.1 (linux)");
        assertThat(EnginePing.serverOf(answer(Map.of("Api-Version", List.of("1.41"))))).isEmpty();
        assertThat(EnginePing.serverOf(answer(Map.of("Server", List.of())))).isEmpty();
    }

    @Test
    void onlyDockerIsDocker() {
        assertThat(EnginePing.docker("Docker/20.10.24+dfsg1 (linux)")).isTrue();
        assertThat(EnginePing.docker("Libpod/4.3.1 (linux)")).isFalse();
        assertThat(EnginePing.docker("docker/25.0.0 (linux)")).isTrue();
        assertThat(EnginePing.docker("Dock")).isFalse();
        assertThat(EnginePing.docker("Dockerd")).isFalse();
    }

    /** A 200 answer with these headers and the body {@code OK}. */
    private static DockerHttpClient.Response answer(Map<String, List<String>> headers) {
        return new DockerHttpClient.Response() {
            @Override
            public int getStatusCode() {
                return 200;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return headers;
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream("OK".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }

            @Override
            public void close() {
            }
        };
    }
}
