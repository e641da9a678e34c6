package dev.berth.engine;

import dev.berth.EngineEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.EngineUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an engine that answers a ping, trying in order: {@code DOCKER_HOST} (with
 * {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}), the docker CLI's current context
 * ({@code DOCKER_CONTEXT} or {@code currentContext} in config.json), {@code /var/run/docker.sock},
 * rootless {@code $XDG_RUNTIME_DIR/docker.sock}, {@code $XDG_RUNTIME_DIR/podman/podman.sock},
 * {@code /run/podman/podman.sock}. A missing socket file is reported without a connection attempt;
 * each connect and ping gets {@link EngineTimeouts#ping()} (2 s unless set), and a location that does not
 * answer in time is skipped for the next. The client returned bounds every call as {@link EngineTimeouts}
 * says. No API version is pinned.
 */
public final class EngineLocator {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLocator.class);

    private final Map<String, String> env;
    private final Path home;
    private final Path root;
    private final String pinned;
    private final EngineTimeouts timeouts;

    /** @param env the environment to read (System.getenv() in production); home is {@code user.home} */
    public EngineLocator(Map<String, String> env) {
        this(env, Path.of(System.getProperty("user.home")));
    }

    /**
     * @param env the environment to read
     * @param home the home directory holding {@code .docker} (unless DOCKER_CONFIG says otherwise)
     */
    public EngineLocator(Map<String, String> env, Path home) {
        this(env, home, Path.of("/"));
    }

    /**
     * @param env the environment to read
     * @param home the home directory holding {@code .docker}
     * @param root the directory the well-known absolute socket paths are resolved in ({@code /} in
     *     production; a scratch directory in tests)
     */
    public EngineLocator(Map<String, String> env, Path home, Path root) {
        this(env, home, root, null, EngineTimeouts.defaults());
    }

    private EngineLocator(Map<String, String> env, Path home, Path root, String pinned, EngineTimeouts timeouts) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.root = root;
        this.pinned = pinned;
        this.timeouts = timeouts;
    }

    /**
     * @param timeouts the bounds of the ping and of every call of the client located
     * @return a copy using them (the default is {@link EngineTimeouts#defaults()})
     */
    public EngineLocator withTimeouts(EngineTimeouts timeouts) {
        return new EngineLocator(env, home, root, pinned, java.util.Objects.requireNonNull(timeouts, "timeouts"));
    }

    /**
     * A locator that tries only one endpoint: no DOCKER_HOST, context or default socket fallback.
     * TLS for a {@code tcp://} endpoint comes from {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}.
     *
     * @param env the environment to read (for TLS settings)
     * @param home the home directory holding {@code .docker}
     * @param dockerHost {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
     * @return a locator whose only candidate is that endpoint
     */
    public static EngineLocator pinned(Map<String, String> env, Path home, String dockerHost) {
        return new EngineLocator(env, home, Path.of("/"), dockerHost.trim(), EngineTimeouts.defaults());
    }

    /**
     * A connected client and the endpoint it talks to.
     *
     * @param endpoint where the engine listens
     * @param client the client, bounded as the locator's timeouts say; the caller closes it
     * @param server the {@code Server} header of the engine's answer to the ping, e.g. {@code Docker/20.10.24 (linux)}
     *     or {@code Libpod/4.3.1 (linux)}; empty when it sent none
     */
    public record Located(EngineEndpoint endpoint, DockerClient client, Optional<String> server) { }

    /** A place to look: an endpoint to ping, or why there is nothing to ping there. */
    record Candidate(EngineEndpoint endpoint, String location, String skipReason) {
        static Candidate of(EngineEndpoint endpoint) {
            return new Candidate(endpoint, endpoint.dockerHost() + " (" + endpoint.source() + ")", null);
        }

        static Candidate skipped(String location, String reason) {
            return new Candidate(null, location, reason);
        }
    }

    /**
     * @return the first endpoint that answers a ping, with its client
     * @throws EngineUnavailableException listing every location tried and why it failed
     */
    public Located locate() {
        List<String> attempts = new ArrayList<>();
        for (Candidate candidate : candidates()) {
            if (candidate.skipReason() != null) {
                attempts.add(candidate.location() + ": " + candidate.skipReason());
                continue;
            }
            EngineEndpoint endpoint = candidate.endpoint();
            Optional<String> server;
            try (DockerClient probe = DockerClients.create(endpoint, timeouts.withCall(timeouts.ping()))) {
                server = EnginePing.server(probe);
            } catch (EngineUnavailableException e) {
                attempts.add(candidate.location() + ": " + (e.getCause() == null ? "no answer to a ping within "
                        + timeouts.ping().toMillis() + " ms (" + EngineTimeouts.PING_PROPERTY + ")" : reason(endpoint, e)));
                continue;
            } catch (Exception e) {
                attempts.add(candidate.location() + ": " + reason(endpoint, e));
                continue;
            }
            for (String failed : attempts) {
                if (failed.contains("(DOCKER_HOST)") || failed.contains("docker context ")) {
                    LOG.warn("The configured engine did not answer ({}); using {} instead", failed,
                            endpoint.dockerHost());
                } else {
                    LOG.debug("engine not at {}", failed);
                }
            }
            LOG.debug("using the engine at {} ({})", endpoint.dockerHost(), endpoint.source());
            return new Located(endpoint, DockerClients.create(endpoint, timeouts), server);
        }
        throw pinned == null ? new EngineUnavailableException(attempts)
                : new EngineUnavailableException(attempts, PINNED_HINT);
    }

    /**
     * Looks at every location {@link #locate()} would, pinging until one answers; later locations are
     * listed as not tried. Nothing stays connected.
     *
     * @return one line per location: where, and "answered" or why not
     */
    public dev.berth.Discovery discover() {
        List<dev.berth.Discovery.Attempt> out = new ArrayList<>();
        String answered = null;
        for (Candidate candidate : candidates()) {
            if (answered != null) {
                out.add(new dev.berth.Discovery.Attempt(candidate.location(), "not tried: an earlier location answered", false));
            } else if (candidate.skipReason() != null) {
                out.add(new dev.berth.Discovery.Attempt(candidate.location(), candidate.skipReason(), false));
            } else {
                try (DockerClient probe = DockerClients.create(candidate.endpoint(), timeouts.withCall(timeouts.ping()))) {
                    EnginePing.server(probe);
                    answered = candidate.endpoint().dockerHost();
                    out.add(new dev.berth.Discovery.Attempt(candidate.location(), "answered", true));
                } catch (Exception e) {
                    out.add(new dev.berth.Discovery.Attempt(candidate.location(), reason(e), false));
                }
            }
        }
        return new dev.berth.Discovery(out, java.util.Optional.ofNullable(answered));
    }

    static final String PINNED_HINT = "Start an engine at that endpoint, or pin one where an engine listens"
            + " (unix:///path/to/docker.sock or tcp://host:2376). Only the pinned endpoint is tried:"
            + " DOCKER_HOST and the default sockets are not.";

    /** @return every place to look, in discovery order, duplicates of an earlier host dropped */
    List<Candidate> candidates() {
        if (pinned != null) {
            return List.of(endpoint(withEnvTls(pinned, "pinned endpoint")));
        }
        List<Candidate> out = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            out.add(endpoint(withEnvTls(dockerHost.trim(), "DOCKER_HOST")));
        }
        context().ifPresent(out::add);
        out.add(socket(root.resolve("var/run/docker.sock"), "default socket"));
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg == null || xdg.isBlank()) {
            out.add(Candidate.skipped("$XDG_RUNTIME_DIR/docker.sock (rootless Docker)", "XDG_RUNTIME_DIR is not set"));
            out.add(Candidate.skipped("$XDG_RUNTIME_DIR/podman/podman.sock (rootless Podman)",
                    "XDG_RUNTIME_DIR is not set"));
        } else {
            out.add(socket(Path.of(xdg, "docker.sock"), "rootless Docker"));
            out.add(socket(Path.of(xdg, "podman", "podman.sock"), "rootless Podman"));
        }
        out.add(socket(root.resolve("run/podman/podman.sock"), "Podman"));
        return dropDuplicates(out);
    }

    /**
     * @return the endpoint with TLS as DOCKER_TLS_VERIFY/DOCKER_CERT_PATH say (certs default to the config dir);
     *     a unix socket never uses TLS (as with the docker CLI), so one environment serves a pool of both
     */
    private EngineEndpoint withEnvTls(String dockerHost, String source) {
        String tls = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        boolean verify = !tls.isEmpty() && !tls.equals("0") && !dockerHost.startsWith("unix://");
        String certPath = env.get("DOCKER_CERT_PATH");
        if (verify && (certPath == null || certPath.isBlank())) {
            certPath = DockerConfigDir.of(env, home).path().toString();
        }
        return new EngineEndpoint(dockerHost, verify, verify ? Optional.of(certPath) : Optional.empty(), source);
    }

    private Optional<Candidate> context() {
        DockerConfigDir config = DockerConfigDir.of(env, home);
        String fromEnv = env.get("DOCKER_CONTEXT");
        String name;
        String source;
        try {
            if (fromEnv != null && !fromEnv.isBlank()) {
                name = fromEnv.trim();
                source = "docker context " + name + " from DOCKER_CONTEXT";
            } else {
                Optional<String> current = config.currentContext();
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                name = current.get();
                source = "docker context " + name + " from " + config.path().resolve("config.json");
            }
        } catch (IllegalStateException e) {
            return Optional.of(Candidate.skipped("docker CLI context", e.getMessage()));
        }
        if (name.equals("default")) {
            return Optional.empty();
        }
        Path meta = config.contextMeta(name);
        Optional<JsonNode> json;
        try {
            json = DockerConfigDir.readJson(meta);
        } catch (IllegalStateException e) {
            return Optional.of(Candidate.skipped(source, e.getMessage()));
        }
        if (json.isEmpty()) {
            return Optional.of(Candidate.skipped(source, "no context metadata at " + meta));
        }
        JsonNode docker = json.get().path("Endpoints").path("docker");
        String host = docker.path("Host").asText("");
        if (host.isBlank()) {
            return Optional.of(Candidate.skipped(source, "no Endpoints.docker.Host in " + meta));
        }
        if (!host.startsWith("unix://") && !host.startsWith("tcp://")) {
            return Optional.of(Candidate.skipped(host + " (" + source + ")",
                    "only unix:// and tcp:// endpoints are supported; set DOCKER_HOST=tcp://host:port instead"));
        }
        Path tls = config.contextTls(name);
        boolean hasTls = Files.isDirectory(tls);
        boolean verify = hasTls && !docker.path("SkipTLSVerify").asBoolean(false);
        return Optional.of(endpoint(new EngineEndpoint(host, verify, hasTls ? Optional.of(tls.toString()) : Optional.empty(), source)));
    }

    private static Candidate socket(Path path, String source) {
        return endpoint(new EngineEndpoint("unix://" + path, false, Optional.empty(), source));
    }

    private static Candidate endpoint(EngineEndpoint endpoint) {
        String host = endpoint.dockerHost();
        if (host.startsWith("unix://")) {
            Path socket = Path.of(host.substring("unix://".length()));
            if (!Files.exists(socket)) {
                return Candidate.skipped(Candidate.of(endpoint).location(), "no socket at " + socket);
            }
        } else if (!host.startsWith("tcp://")) {
            return Candidate.skipped(Candidate.of(endpoint).location(),
                    "unsupported scheme; use unix:///path/to/docker.sock or tcp://host:port");
        }
        return Candidate.of(endpoint);
    }

    private static List<Candidate> dropDuplicates(List<Candidate> all) {
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            String key = c.endpoint() == null ? "skip:" + c.location() : c.endpoint().dockerHost();
            if (seen.add(key)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @return why a ping failed: for a TCP engine, what to do about TLS when the failure is about TLS;
     *     otherwise the innermost message
     */
    static String reason(EngineEndpoint endpoint, Throwable e) {
        if (endpoint.isLocal()) {
            return reason(e);
        }
        boolean tls = false;
        boolean plainToTls = false;
        for (Throwable t = e; t != null && !(t.getCause() == t); t = t.getCause()) {
            tls |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException
                    // TLS 1.3: the engine refuses the client certificate after the handshake; the client sees
                    // its next write fail
                    || (t instanceof java.net.SocketException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset")));
            plainToTls |= t.getMessage() != null && t.getMessage().contains("HTTP request to an HTTPS server");
        }
        if (plainToTls || (!endpoint.tlsVerify() && reason(e).contains("Unexpected end of file"))) {
            return "the engine answers with TLS but this client connects without it; set DOCKER_TLS_VERIFY=1 and "
                    + "DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem and key.pem";
        }
        if (tls && endpoint.tlsVerify()) {
            Path certs = Path.of(endpoint.certPath().orElse("."));
            return "the TLS handshake failed (" + reason(e) + "): the engine did not accept the client certificate "
                    + certs.resolve("cert.pem") + ", or its own certificate is not signed by " + certs.resolve("ca.pem")
                    + "; use the certificates the engine was set up with";
        }
        return reason(e);
    }

    /** @return the innermost message of a failed ping, e.g. {@code "Connection refused"} */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : message + " (" + t.getClass().getSimpleName() + ")";
    }
}
