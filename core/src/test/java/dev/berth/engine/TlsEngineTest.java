package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.EngineUnavailableException;
import dev.berth.testing.TlsTestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dockerd reached over TCP with TLS client verification (scripts/engines/tls): exact errors for a client
 * certificate from another CA and for a client without TLS. (Ports and {@code host()} on it: EngineDetectionTest
 * in the TLS pass of scripts/test-engines.)
 * The engine and its certificates: {@code BERTH_TLS_HOST} (default tcp://127.0.0.1:2376) and
 * {@code BERTH_TLS_CERTS} (default ~/.cache/berth/engines/tls/certs). Without them the test aborts, except
 * in CI ({@code CI=true}), where it fails.
 */
class TlsEngineTest {
    private static final String HOST = TlsTestEngine.HOST;
    private static final Path CERTS = TlsTestEngine.CERTS;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tlsEngineListens() {
        TlsTestEngine.requireListening();
    }

    private static EngineLocator locator(Map<String, String> env) {
        return EngineLocator.pinned(env, Path.of(System.getProperty("user.home")), HOST);
    }

    @Test
    void aClientWithoutTlsIsToldTheEngineSpeaksTls() {
        assertThatThrownBy(() -> locator(Map.of()).locate()).isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining(HOST + " (pinned endpoint): the engine answers with TLS but this client "
                        + "connects without it; set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory "
                        + "holding ca.pem, cert.pem and key.pem");
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedWithTheCertificatePath() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.copy(CERTS.resolve("ca.pem"), other.resolve("ca.pem"));
        OtherCa.writeClientCertificate(other);
        assertThatThrownBy(() -> locator(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", other.toString()))
                .locate()).isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining(HOST + " (pinned endpoint): the TLS handshake failed (")
                .hasMessageContaining("): the engine did not accept the client certificate "
                        + other.resolve("cert.pem") + ", or its own certificate is not signed by "
                        + other.resolve("ca.pem") + "; use the certificates the engine was set up with");
    }
}
