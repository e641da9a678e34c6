package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.EngineInfo;
import dev.berth.Fixtures;
import dev.berth.InvalidSpecException;
import dev.berth.Limits;
import dev.berth.RunningContainer;
import dev.berth.wait.Wait;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Berth names the engine it runs on, and a memory limit is either applied or refused, never dropped.
 * Which engine this run expects comes from {@code BERTH_TEST_ENGINE} ({@code docker}, the default, {@code tls},
 * {@code podman} or {@code rootless}), set by scripts/test-engines next to DOCKER_HOST.
 */
class EngineDetectionTest {
    private static final String EXPECTED = System.getenv().getOrDefault("BERTH_TEST_ENGINE", "docker")
            .toLowerCase(Locale.ROOT);
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theEngineIsNamedAsWhatItIs() {
        EngineInfo info = engine.info();
        assertThat(info.product()).isEqualTo(EXPECTED.equals("podman") ? "Podman" : "Docker");
        assertThat(info.security().rootless()).isEqualTo(EXPECTED.equals("rootless"));
        assertThat(info.summary()).startsWith((EXPECTED.equals("rootless") ? "rootless " : "") + info.product() + " "
                + info.serverVersion() + " (API ");
    }

    @Test
    void thePingsServerHeaderTellsPodmanFromDockerAsTheEnginesVersionDoes() throws Exception {
        EngineLocator.Located located = new EngineLocator(System.getenv()).locate();
        try (DockerClient client = located.client()) {
            assertThat(located.server()).hasValueSatisfying(server ->
                    assertThat(server).startsWith(EXPECTED.equals("podman") ? "Libpod/" : "Docker/"));
            EngineFacts fromPing = new EngineFacts(client, located.server(), "berth-engine-info-test");
            assertThat(fromPing.podman()).isEqualTo(EXPECTED.equals("podman"));
            // Docker is told by the header alone; Podman's kind is read, so that a first report finds it described
            assertThat(fromPing.knownInfo().isPresent()).as("read to answer podman()")
                    .isEqualTo(EXPECTED.equals("podman"));
            assertThat(new EngineFacts(client).podman()).as("read from /info and /version")
                    .isEqualTo(EXPECTED.equals("podman"));
        }
    }

    @Test
    void aPublishedPortAnswersOnHostOfTheEndpoint() throws Exception {
        try (RunningContainer web = engine.start(ContainerSpec.of(Fixtures.BUSYBOX)
                .withCommand("httpd", "-f", "-p", "8080", "-h", "/www").withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/").forStatusCode(200)))) {
            assertThat(web.host()).isEqualTo(engine.endpoint().portHost());
            assertThat(engine.endpoint().isLocal()).isEqualTo(!EXPECTED.equals("tls"));
            try (Socket s = new Socket(web.host(), web.mappedPort(8080))) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .endsWith("berth busybox fixture\n");
            }
        }
    }

    @Test
    void aMemoryLimitIsAppliedOrRefusedButNeverDropped() throws Exception {
        ContainerSpec spec = Fixtures.sleeper().withLimits(Limits.memory("64m"));
        if (EXPECTED.equals("rootless")) {
            int before = engine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("dev.berth.session", engine.session().id())).exec().size();
            assertThatThrownBy(() -> engine.start(spec)).isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("Invalid memory: \"64m\". Allowed: no memory limit on rootless Docker ")
                    .hasMessageContaining("would run the container without it");
            assertThat(engine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("dev.berth.session", engine.session().id())).exec()).hasSize(before);
            return;
        }
        try (RunningContainer c = engine.start(spec)) {
            assertThat(c.exec("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").stdout().trim())
                    .isEqualTo(String.valueOf(64L << 20));
        }
    }
}
