package dev.berth.engine;

import dev.berth.EngineEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.EngineUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {
    private static final String REAL_SOCKET = "unix:///var/run/docker.sock";

    @TempDir
    Path tmp;

    @Test
    void skipsAMissingDockerHostSocketAndFallsBackToTheDefaultSocket() throws Exception {
        Path missing = tmp.resolve("nothing.sock");
        EngineLocator locator = new EngineLocator(Map.of("DOCKER_HOST", "unix://" + missing), tmp);
        try (var client = locator.locate().client()) {
            assertThat(client.pingCmd().exec()).isNull();
        }
        EngineLocator.Located located = locator.locate();
        located.client().close();
        assertThat(located.endpoint()).isEqualTo(new EngineEndpoint(REAL_SOCKET, false, Optional.empty(), "default socket"));
        assertThat(locator.candidates().get(0).skipReason()).isEqualTo("no socket at " + missing);
    }

    @Test
    void dockerHostWinsWhenItAnswers() throws Exception {
        EngineLocator.Located located = new EngineLocator(Map.of("DOCKER_HOST", REAL_SOCKET), tmp, tmp).locate();
        located.client().close();
        assertThat(located.endpoint()).isEqualTo(new EngineEndpoint(REAL_SOCKET, false, Optional.empty(), "DOCKER_HOST"));
    }

    @Test
    void usesTheCurrentContextOfConfigJson() throws Exception {
        Path docker = tmp.resolve("home/.docker");
        writeContext(docker, "berth-ctx", REAL_SOCKET);
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\": \"berth-ctx\"}");
        // root = an empty directory, so only the context can lead to the engine
        EngineLocator.Located located = new EngineLocator(Map.of(), tmp.resolve("home"), tmp).locate();
        located.client().close();
        assertThat(located.endpoint()).isEqualTo(new EngineEndpoint(REAL_SOCKET, false, Optional.empty(),
                "docker context berth-ctx from " + docker.resolve("config.json")));
    }

    @Test
    void dockerContextAndDockerConfigOverrideTheHomeDirectory() throws Exception {
        Path config = tmp.resolve("elsewhere");
        writeContext(config, "from-env", REAL_SOCKET);
        EngineLocator.Located located = new EngineLocator(
                Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "from-env"), tmp.resolve("home"), tmp)
                .locate();
        located.client().close();
        assertThat(located.endpoint().source()).isEqualTo("docker context from-env from DOCKER_CONTEXT");
        assertThat(located.endpoint().dockerHost()).isEqualTo(REAL_SOCKET);
    }

    @Test
    void contextMetadataLivesUnderTheSha256OfItsName() {
        DockerConfigDir dir = DockerConfigDir.at(Path.of("/c"));
        assertThat(dir.contextMeta("default").toString()).isEqualTo(
                "/c/contexts/meta/37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f/meta.json");
    }

    @Test
    void readsTlsSettingsFromTheEnvironment() {
        List<EngineLocator.Candidate> candidates = new EngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), tmp, tmp).candidates();
        assertThat(candidates.get(0).endpoint())
                .isEqualTo(new EngineEndpoint("tcp://127.0.0.1:2376", true, Optional.of("/certs"), "DOCKER_HOST"));
        List<EngineLocator.Candidate> defaults = new EngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "1"), tmp, tmp).candidates();
        assertThat(defaults.get(0).endpoint().certPath()).hasValue(tmp.resolve(".docker").toString());
    }

    @Test
    void listsEveryLocationAndWhyWhenNothingAnswers() throws Exception {
        int closedPort = closedPort();
        Path xdg = tmp.resolve("xdg");
        Files.createDirectories(xdg);
        Path docker = tmp.resolve(".docker");
        writeContext(docker, "broken", "ssh://user@example");
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\": \"broken\"}");
        EngineLocator locator = new EngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort,
                "XDG_RUNTIME_DIR", xdg.toString()), tmp, tmp);
        long started = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(locator::locate);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("engine discovery failure took " + millis + " ms");
        assertThat(thrown).isInstanceOf(EngineUnavailableException.class).hasMessage(
                "No Docker engine answered. Tried:\n"
                + "  - tcp://127.0.0.1:" + closedPort + " (DOCKER_HOST): Connect to http://127.0.0.1:" + closedPort
                + " failed: Connection refused (HttpHostConnectException)\n"
                + "  - ssh://user@example (docker context broken from " + docker.resolve("config.json") + "): "
                + "only unix:// and tcp:// endpoints are supported; set DOCKER_HOST=tcp://host:port instead\n"
                + "  - unix://" + tmp.resolve("var/run/docker.sock") + " (default socket): no socket at "
                + tmp.resolve("var/run/docker.sock") + "\n"
                + "  - unix://" + xdg.resolve("docker.sock") + " (rootless Docker): no socket at "
                + xdg.resolve("docker.sock") + "\n"
                + "  - unix://" + xdg.resolve("podman/podman.sock") + " (rootless Podman): no socket at "
                + xdg.resolve("podman/podman.sock") + "\n"
                + "  - unix://" + tmp.resolve("run/podman/podman.sock") + " (Podman): no socket at "
                + tmp.resolve("run/podman/podman.sock") + "\n"
                + "Start an engine (e.g. sudo dockerd, or scripts/ensure-engine) or point Berth at one with "
                + "DOCKER_HOST (unix:///path/to/docker.sock or tcp://host:2376).");
    }

    @Test
    void aListenerThatNeverAnswersIsGivenUpAfterThePingTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            EngineLocator locator = new EngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + silent.getLocalPort()),
                    tmp, tmp);
            long started = System.nanoTime();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(locator::locate);
            System.out.println("engine discovery against a silent listener took "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertThat(thrown).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageStartingWith("No Docker engine answered. Tried:\n  - tcp://127.0.0.1:"
                            + silent.getLocalPort() + " (DOCKER_HOST): ");
            System.out.println(thrown.getMessage());
        }
    }

    @Test
    void reportsAMissingContextAndAnUnsetRuntimeDir() {
        EngineLocator locator = new EngineLocator(Map.of("DOCKER_CONTEXT", "ghost"), tmp, tmp);
        Path meta = DockerConfigDir.at(tmp.resolve(".docker")).contextMeta("ghost");
        assertThatThrownBy(locator::locate).isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("\n  - docker context ghost from DOCKER_CONTEXT: no context metadata at " + meta
                        + "\n")
                .hasMessageContaining("\n  - $XDG_RUNTIME_DIR/docker.sock (rootless Docker): XDG_RUNTIME_DIR is not set\n")
                .hasMessageContaining("\n  - $XDG_RUNTIME_DIR/podman/podman.sock (rootless Podman): "
                        + "XDG_RUNTIME_DIR is not set\n");
    }

    @Test
    void anUnsupportedDockerHostSchemeIsNamed() {
        List<EngineLocator.Candidate> candidates = new EngineLocator(Map.of("DOCKER_HOST", "npipe:////./pipe/x"),
                tmp, tmp).candidates();
        assertThat(candidates.get(0).location() + ": " + candidates.get(0).skipReason()).isEqualTo(
                "npipe:////./pipe/x (DOCKER_HOST): unsupported scheme; use unix:///path/to/docker.sock or tcp://host:port");
    }

    @Test
    void aPinnedEndpointIgnoresDockerHostAndTheDefaultSocketButKeepsTlsSettings() {
        List<EngineLocator.Candidate> candidates = EngineLocator.pinned(Map.of("DOCKER_HOST", REAL_SOCKET,
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), tmp, "tcp://127.0.0.1:2376").candidates();
        assertThat(candidates).extracting(EngineLocator.Candidate::endpoint)
                .containsExactly(new EngineEndpoint("tcp://127.0.0.1:2376", true, Optional.of("/certs"), "pinned endpoint"));
        assertThat(EngineLocator.pinned(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), tmp,
                REAL_SOCKET).candidates()).extracting(EngineLocator.Candidate::endpoint).as("a unix socket never uses TLS")
                .containsExactly(new EngineEndpoint(REAL_SOCKET, false, Optional.empty(), "pinned endpoint"));
    }

    @Test
    void aPinnedEndpointThatRefusesIsNotReplacedByAnother() throws Exception {
        int closedPort = closedPort();
        EngineLocator locator = EngineLocator.pinned(Map.of("DOCKER_HOST", REAL_SOCKET), tmp,
                "tcp://127.0.0.1:" + closedPort);
        assertThatThrownBy(locator::locate).isInstanceOf(EngineUnavailableException.class).hasMessage(
                "No Docker engine answered. Tried:\n"
                + "  - tcp://127.0.0.1:" + closedPort + " (pinned endpoint): Connect to http://127.0.0.1:" + closedPort
                + " failed: Connection refused (HttpHostConnectException)\n"
                + EngineLocator.PINNED_HINT);
    }

    static void writeContext(Path dockerConfig, String name, String host) throws IOException {
        Path meta = DockerConfigDir.at(dockerConfig).contextMeta(name);
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
