package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import dev.berth.EngineUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds an engine that answers a ping. Minimal version: DOCKER_HOST, then /var/run/docker.sock.
 * The full discovery order (CLI context, rootless, Podman) arrives with the core issue.
 */
public final class EngineLocator {
    private final Map<String, String> env;

    /** @param env the environment to read (System.getenv() in production) */
    public EngineLocator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A connected client and the endpoint it talks to. */
    public record Located(EngineEndpoint endpoint, DockerClient client) { }

    /**
     * @return the first endpoint that answers a ping, with its client
     * @throws EngineUnavailableException listing every location tried
     */
    public Located locate() {
        List<String> attempts = new ArrayList<>();
        for (EngineEndpoint candidate : candidates()) {
            DockerClient client = DockerClients.create(candidate, Duration.ofSeconds(2));
            try {
                client.pingCmd().exec();
                return new Located(candidate, client);
            } catch (RuntimeException e) {
                attempts.add(candidate.dockerHost() + " (" + candidate.source() + "): " + e.getMessage());
                closeQuietly(client);
            }
        }
        throw new EngineUnavailableException(attempts);
    }

    private List<EngineEndpoint> candidates() {
        List<EngineEndpoint> out = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            out.add(new EngineEndpoint(dockerHost, "1".equals(env.get("DOCKER_TLS_VERIFY")),
                    env.get("DOCKER_CERT_PATH"), "DOCKER_HOST"));
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))) {
            out.add(new EngineEndpoint("unix:///var/run/docker.sock", false, null, "default socket"));
        }
        return out;
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (Exception ignored) {
            // nothing to release beyond the failed connection
        }
    }
}
