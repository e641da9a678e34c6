package dev.berth;

import dev.berth.engine.DockerConfigDir;
import dev.berth.engine.EngineLocator;
import dev.berth.engine.EngineTimeouts;
import dev.berth.image.ImageService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Entry point of the programmatic API. */
public final class Berth {
    private Berth() {
    }

    /**
     * Connects to the first Docker engine that answers: DOCKER_HOST, the docker CLI context,
     * /var/run/docker.sock, rootless Docker, then Podman sockets. Nothing is started or pulled to do so.
     * The registry mirror comes from {@code -Dberth.registry.mirror} or {@code BERTH_REGISTRY_MIRROR},
     * registry credentials from {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker}).
     * Each location gets 2 s to answer a ping ({@code berth.engine.ping-timeout}); every later call is
     * bounded too ({@link EngineTimeouts}: {@code berth.engine.call-timeout}, {@code berth.engine.long-call-timeout}
     * or their {@code BERTH_ENGINE_…} variables), and one that gets no answer throws
     * {@link EngineUnavailableException} naming the endpoint and the call.
     *
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException listing every location tried and why it failed
     * @throws InvalidSpecException if the registry mirror or a timeout setting is invalid
     */
    public static Engine connect() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        return connect(new EngineLocator(env, home), env, home);
    }

    /**
     * Connects to the engine at exactly this endpoint; nothing else is tried (no DOCKER_HOST, context or
     * default socket fallback). TLS for {@code tcp://} comes from {@code DOCKER_TLS_VERIFY} and
     * {@code DOCKER_CERT_PATH}; the registry mirror and credentials as for {@link #connect()}.
     *
     * @param dockerHost {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException naming the endpoint and why it did not answer
     * @throws InvalidSpecException if the registry mirror setting is not host[:port]
     */
    public static Engine connect(String dockerHost) {
        Objects.requireNonNull(dockerHost, "dockerHost");
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        return connect(EngineLocator.pinned(env, home, dockerHost), env, home);
    }

    private static Engine connect(EngineLocator locator, Map<String, String> env, Path home) {
        String mirror = ImageService.mirrorSetting(System.getProperties(), env);
        EngineTimeouts timeouts = EngineTimeouts.from(System.getProperties(), env);
        EngineLocator.Located located = locator.withTimeouts(timeouts).locate();
        return new Engine(located.endpoint(), located.client(), mirror, DockerConfigDir.of(env, home));
    }
}
