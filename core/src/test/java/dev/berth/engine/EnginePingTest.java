package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the ping's {@code Server} header says: found whatever its name's case; Docker only for {@code Docker/…}. */
class EnginePingTest {
    @Test
    void theServerHeaderIsFoundWhateverItsNamesCase() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Api-Version", List.of("1.41"));
        headers.put("server", List.of("Libpod/4.3.1 (linux)"));
        assertThat(EnginePing.header(headers, "Server")).hasValue("Libpod/4.3.1 (linux)");
        assertThat(EnginePing.header(Map.of("Api-Version", List.of("1.41")), "Server")).isEmpty();
        assertThat(EnginePing.header(Map.of("Server", List.of()), "Server")).isEmpty();
    }

    @Test
    void onlyDockerIsDocker() {
        assertThat(EnginePing.docker("Docker/20.10.24+dfsg1 (linux)")).isTrue();
        assertThat(EnginePing.docker("Libpod/4.3.1 (linux)")).isFalse();
        assertThat(EnginePing.docker("docker/25.0.0 (linux)")).isTrue();
        assertThat(EnginePing.docker("Dock")).isFalse();
        assertThat(EnginePing.docker("Dockerd")).isFalse();
    }
}
