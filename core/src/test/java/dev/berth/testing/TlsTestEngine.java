package dev.berth.testing;

import dev.berth.EngineOptions;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The dockerd reached over TCP with TLS client verification that scripts/engines/tls starts: {@code BERTH_TLS_HOST}
 * (default tcp://127.0.0.1:2376) and {@code BERTH_TLS_CERTS} (default ~/.cache/berth/engines/tls/certs). In its
 * own package (none of core's main ones), so that the extension's tests can use it from core's test jar.
 */
public final class TlsTestEngine {
    /** Where the TLS engine listens. */
    public static final String HOST = System.getenv().getOrDefault("BERTH_TLS_HOST", "tcp://127.0.0.1:2376");
    /** Its client certificates ({@code ca.pem}, {@code cert.pem}, {@code key.pem}). */
    public static final Path CERTS = Path.of(System.getenv().getOrDefault("BERTH_TLS_CERTS",
            System.getProperty("user.home") + "/.cache/berth/engines/tls/certs"));

    private TlsTestEngine() {
    }

    /** Aborts the calling test when the TLS engine does not listen, except in CI ({@code CI=true}), where it fails. */
    public static void requireListening() {
        URI uri = URI.create(HOST);
        boolean listens;
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            listens = Files.isRegularFile(CERTS.resolve("ca.pem"));
        } catch (IOException e) {
            listens = false;
        }
        String why = "no TLS engine at " + HOST + " with certificates in " + CERTS + "; start it with scripts/engines/tls";
        if (!listens && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why);
        }
        Assumptions.assumeTrue(listens, why);
    }

    /**
     * @param settings {@code berth.*} settings
     * @return options pinned to the TLS engine, with its certificates
     */
    public static EngineOptions options(Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        return EngineOptions.from(p, Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", CERTS.toString()),
                Path.of(System.getProperty("user.home"))).withDockerHost(HOST);
    }
}
