package dev.berth;

import dev.berth.engine.EngineLocator;
import dev.berth.engine.EngineTimeouts;
import java.util.Objects;

/** Entry point of the programmatic API. */
public final class Berth {
    private Berth() {
    }

    /**
     * Connects with {@link EngineOptions#fromEnvironment()}: the engine pinned by {@code -Dberth.docker.host},
     * else the first Docker engine that answers: DOCKER_HOST, the docker CLI context,
     * /var/run/docker.sock, rootless Docker, then Podman sockets. Nothing is started or pulled to do so.
     * Each location gets 2 s to answer a ping ({@code berth.engine.ping-timeout}); every later call is
     * bounded too ({@code berth.engine.call-timeout}, {@code berth.engine.long-call-timeout} or their
     * {@code BERTH_ENGINE_…} variables), and one that gets no answer throws
     * {@link EngineUnavailableException} naming the endpoint and the call.
     *
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException listing every location tried and why it failed
     * @throws InvalidSpecException if a setting is malformed (docker host, registry mirror, sweep)
     */
    public static Engine connect() {
        return connect(EngineOptions.fromEnvironment());
    }

    /**
     * Connects to the engine at exactly this endpoint; nothing else is tried (no DOCKER_HOST, context or
     * default socket fallback). Same as {@code connect(EngineOptions.fromEnvironment().withDockerHost(dockerHost))}.
     *
     * @param dockerHost {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException naming the endpoint and why it did not answer
     * @throws InvalidSpecException if a setting is malformed
     */
    public static Engine connect(String dockerHost) {
        Objects.requireNonNull(dockerHost, "dockerHost");
        return connect(EngineOptions.fromEnvironment().withDockerHost(dockerHost));
    }

    /**
     * Looks for an engine the way {@link #connect(EngineOptions)} does and reports every location: where it
     * looked, and why each one was skipped or did not answer. Nothing stays connected; for diagnostics such as
     * {@code berth doctor}.
     *
     * @param options engine-wide settings (a pinned {@link EngineOptions#dockerHost()} is the only location)
     * @return every location tried, in order, and the endpoint that answered if any
     */
    public static Discovery discover(EngineOptions options) {
        Objects.requireNonNull(options, "options");
        EngineLocator locator = options.dockerHost()
                .map(host -> EngineLocator.pinned(options.environment(), options.home(), host))
                .orElseGet(() -> new EngineLocator(options.environment(), options.home()));
        return locator.withTimeouts(timeouts(options)).discover();
    }

    /**
     * Connects with these options: to {@link EngineOptions#dockerHost()} when one is pinned (TLS for
     * {@code tcp://} from {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH} of the options' environment),
     * else to the first engine that answers among DOCKER_HOST, the docker CLI context, /var/run/docker.sock,
     * rootless Docker and Podman sockets.
     *
     * @param options engine-wide settings
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException listing every location tried and why it failed
     * @throws InvalidSpecException if a {@code berth.*} setting of the options is malformed
     */
    public static Engine connect(EngineOptions options) {
        Objects.requireNonNull(options, "options");
        EngineLocator locator = options.dockerHost()
                .map(host -> EngineLocator.pinned(options.environment(), options.home(), host))
                .orElseGet(() -> new EngineLocator(options.environment(), options.home()));
        EngineLocator.Located located = locator.withTimeouts(timeouts(options)).locate();
        return new Engine(options, located.endpoint(), located.client(), located.server());
    }

    /** The engine call bounds of these options' {@code berth.engine.*} settings, else {@code BERTH_ENGINE_*}. */
    private static EngineTimeouts timeouts(EngineOptions options) {
        return EngineTimeouts.from(options.settingsAsProperties(), options.environment());
    }
}
