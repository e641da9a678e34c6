package dev.berth;

import dev.berth.engine.EnginePlacement;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Engine-wide settings, passed to {@link Berth#connect(EngineOptions)}: which engine, the registry mirror,
 * where registry credentials live, and the {@code berth.*} settings of the sweep and failure reports.
 * An immutable value; {@code with…} methods return copies.
 *
 * <p>{@link #fromEnvironment()} is the one place Berth reads the process environment and system
 * properties; {@link #defaults()} reads nothing, for tests and embedders that set everything themselves.
 *
 * <table>
 *   <caption>What {@link #fromEnvironment()} reads (a system property wins over its variable)</caption>
 *   <tr><th>setting</th><th>system property</th><th>environment variable</th></tr>
 *   <tr><td>{@link #dockerHost()}: the only endpoint tried</td><td>{@code berth.docker.host}</td><td>—
 *       ({@code DOCKER_HOST} is the first place searched when no endpoint is pinned)</td></tr>
 *   <tr><td>{@link #dockerHosts()}: a pool of engines, for {@code dev.berth.engine.EnginePool}</td>
 *       <td>{@code berth.docker.hosts}</td><td>{@code BERTH_DOCKER_HOSTS}</td></tr>
 *   <tr><td>{@link #registryMirror()}</td><td>{@code berth.registry.mirror}</td><td>{@code BERTH_REGISTRY_MIRROR}</td></tr>
 *   <tr><td>{@link #dockerConfigDir()}</td><td>—</td><td>{@code DOCKER_CONFIG} (default {@code ~/.docker})</td></tr>
 *   <tr><td>sweep</td><td>{@code berth.sweep}, {@code berth.sweep.max-age}</td><td>{@code BERTH_SWEEP},
 *       {@code BERTH_SWEEP_MAX_AGE}</td></tr>
 *   <tr><td>failure reports</td><td>{@code berth.reports.*}</td><td>—</td></tr>
 *   <tr><td>engine search, TLS</td><td>—</td><td>{@code DOCKER_HOST}, {@code DOCKER_CONTEXT},
 *       {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code XDG_RUNTIME_DIR}</td></tr>
 * </table>
 */
public final class EngineOptions {
    /** System property pinning the engine endpoint. */
    public static final String DOCKER_HOST_PROPERTY = "berth.docker.host";
    /** System property naming a pool of engines, comma-separated; the JUnit extension places each test class on one. */
    public static final String DOCKER_HOSTS_PROPERTY = "berth.docker.hosts";
    /** Environment variable naming a pool of engines (the property wins). */
    public static final String DOCKER_HOSTS_ENV = "BERTH_DOCKER_HOSTS";
    /** System property naming a registry that replaces Docker Hub, e.g. {@code localhost:5000}. */
    public static final String MIRROR_PROPERTY = "berth.registry.mirror";
    /** Environment variable naming a registry that replaces Docker Hub (the property wins). */
    public static final String MIRROR_ENV = "BERTH_REGISTRY_MIRROR";

    private final String dockerHost;
    private final List<String> dockerHosts;
    private final String registryMirror;
    private final Path dockerConfigDir;
    private final Path home;
    private final Map<String, String> environment;
    private final Map<String, String> settings;

    private EngineOptions(String dockerHost, List<String> dockerHosts, String registryMirror, Path dockerConfigDir,
                          Path home, Map<String, String> environment, Map<String, String> settings) {
        this.dockerHost = validHost(dockerHost);
        this.dockerHosts = List.copyOf(dockerHosts);
        if (this.dockerHost != null && !this.dockerHosts.isEmpty()) {
            throw new InvalidSpecException("docker hosts", String.join(",", this.dockerHosts), "either "
                    + DOCKER_HOST_PROPERTY + " (one engine, here " + this.dockerHost + ") or " + DOCKER_HOSTS_PROPERTY
                    + " (a pool), not both", DOCKER_HOSTS_PROPERTY + "=unix:///var/run/docker.sock,tcp://127.0.0.1:2376");
        }
        this.registryMirror = validMirror(registryMirror);
        this.dockerConfigDir = dockerConfigDir;
        this.home = Objects.requireNonNull(home, "home");
        this.environment = Map.copyOf(environment);
        this.settings = Map.copyOf(settings);
    }

    /**
     * @return options that read nothing from the process: search the usual engine locations (of an
     *     empty environment: the default sockets), no mirror, credentials from {@code ~/.docker}, sweep
     *     and reports at their defaults
     */
    public static EngineOptions defaults() {
        return new EngineOptions(null, List.of(), null, null, Path.of(System.getProperty("user.home")), Map.of(),
                Map.of());
    }

    /**
     * Reads this process's environment variables and {@code berth.*} system properties (see the table
     * above) — the only place Berth does so.
     *
     * @return the options of this process
     * @throws InvalidSpecException if the registry mirror is not {@code host[:port]}, the pool is malformed, or
     *     both a pinned host and a pool are set
     */
    public static EngineOptions fromEnvironment() {
        return from(System.getProperties(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param properties system properties (only {@code berth.*} keys are read)
     * @param environment environment variables
     * @param home the user's home directory
     * @return the options those describe, as {@link #fromEnvironment()} reads them
     * @throws InvalidSpecException as {@link #fromEnvironment()}
     */
    public static EngineOptions from(Properties properties, Map<String, String> environment, Path home) {
        Map<String, String> berth = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("berth.")) {
                berth.put(key, properties.getProperty(key));
            }
        }
        String mirror = blankToNull(berth.get(MIRROR_PROPERTY));
        String pool = blankToNull(berth.get(DOCKER_HOSTS_PROPERTY));
        return new EngineOptions(blankToNull(berth.get(DOCKER_HOST_PROPERTY)),
                pool(pool != null ? pool : blankToNull(environment.get(DOCKER_HOSTS_ENV))),
                mirror != null ? mirror : blankToNull(environment.get(MIRROR_ENV)), null, home, environment, berth);
    }

    /**
     * @param dockerHost {@code unix:///path/to/docker.sock} or {@code tcp://host:port}: the only endpoint
     *     tried (no DOCKER_HOST, context or default socket fallback); null to search the usual places
     * @return a copy; an unsupported scheme is named by {@link Berth#connect(EngineOptions)}
     */
    public EngineOptions withDockerHost(String dockerHost) {
        return new EngineOptions(dockerHost, dockerHosts, registryMirror, dockerConfigDir, home, environment, settings);
    }

    /**
     * @param dockerHosts a pool of engines, comma-separated {@code unix:///path} or {@code tcp://host:port}
     *     endpoints (TLS for each {@code tcp://} one from {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}),
     *     or null for none. {@link Berth#connect(EngineOptions)} connects to one engine and does not read it;
     *     the JUnit extension places each test class on one engine of the pool.
     * @return a copy
     * @throws InvalidSpecException for an empty entry, an entry that is no such endpoint, a duplicate, or when
     *     {@link #dockerHost()} is pinned too
     */
    public EngineOptions withDockerHosts(String dockerHosts) {
        return new EngineOptions(dockerHost, pool(dockerHosts), registryMirror, dockerConfigDir, home, environment,
                settings);
    }

    /**
     * @param registryMirror {@code host[:port]} of a registry Docker Hub images are pulled through (the
     *     spec keeps its image reference), or null for none
     * @return a copy
     * @throws InvalidSpecException if it is not host[:port]
     */
    public EngineOptions withRegistryMirror(String registryMirror) {
        return new EngineOptions(dockerHost, dockerHosts, registryMirror, dockerConfigDir, home, environment,
                settings);
    }

    /**
     * @param dir a directory laid out like {@code ~/.docker}; its {@code config.json} gives registry credentials
     * @return a copy
     */
    public EngineOptions withDockerConfigDir(Path dir) {
        return new EngineOptions(dockerHost, dockerHosts, registryMirror, Objects.requireNonNull(dir, "dir"), home,
                environment, settings);
    }

    /**
     * @param key a {@code berth.*} setting, e.g. {@code berth.sweep} or {@code berth.reports.dir}
     * @param value its value, or null to remove it
     * @return a copy
     */
    public EngineOptions withSetting(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        String host = key.equals(DOCKER_HOST_PROPERTY) ? value : dockerHost;
        String mirror = key.equals(MIRROR_PROPERTY) ? value : registryMirror;
        List<String> pool = key.equals(DOCKER_HOSTS_PROPERTY) ? pool(value) : dockerHosts;
        return new EngineOptions(host, pool, mirror, dockerConfigDir, home, environment, copy);
    }

    /** @return the only endpoint tried, if one is pinned */
    public Optional<String> dockerHost() {
        return Optional.ofNullable(dockerHost);
    }

    /** @return the engines of a pool, in configured order; empty when none is set */
    public List<String> dockerHosts() {
        return dockerHosts;
    }

    /** @return the registry Docker Hub images are pulled through, if one is set */
    public Optional<String> registryMirror() {
        return Optional.ofNullable(registryMirror);
    }

    /** @return the docker CLI configuration directory: as set, else {@code $DOCKER_CONFIG}, else {@code ~/.docker} */
    public Path dockerConfigDir() {
        if (dockerConfigDir != null) {
            return dockerConfigDir;
        }
        String configured = environment.get("DOCKER_CONFIG");
        return configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".docker");
    }

    /**
     * @param key a {@code berth.*} setting
     * @return its value, if set
     */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(blankToNull(settings.get(key)));
    }

    /** @return every {@code berth.*} setting (failure reports, sweep, …), by key */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return the environment variables these options were read from (empty for {@link #defaults()}) */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the home directory holding {@code .docker} */
    public Path home() {
        return home;
    }

    /** @return the {@code berth.*} settings as properties, for the sweep and report settings */
    Properties settingsAsProperties() {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineOptions other && Objects.equals(dockerHost, other.dockerHost)
                && dockerHosts.equals(other.dockerHosts)
                && Objects.equals(registryMirror, other.registryMirror)
                && Objects.equals(dockerConfigDir, other.dockerConfigDir) && home.equals(other.home)
                && environment.equals(other.environment) && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dockerHost, dockerHosts, registryMirror, dockerConfigDir, home, environment, settings);
    }

    /** @return the pinned host, mirror and settings; never environment values (they may hold secrets) */
    @Override
    public String toString() {
        return "EngineOptions[dockerHost=" + dockerHost + (dockerHosts.isEmpty() ? "" : ", dockerHosts=" + dockerHosts)
                + ", registryMirror=" + registryMirror
                + ", dockerConfigDir=" + dockerConfigDir() + ", settings=" + new TreeMap<>(settings).keySet() + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> pool(String hosts) {
        return hosts == null || hosts.isBlank() ? List.of() : EnginePlacement.of(hosts).hosts();
    }

    private static String validHost(String host) {
        // the locator names an unsupported scheme among the places it tried (EngineUnavailableException)
        return host == null || host.isBlank() ? null : host.trim();
    }

    private static String validMirror(String mirror) {
        if (mirror == null || mirror.isBlank()) {
            return null;
        }
        String m = mirror.trim();
        boolean ok;
        try {
            ok = ImageRef.parse(m + "/library/probe").registry().map(m::equals).orElse(false);
        } catch (InvalidSpecException e) {
            ok = false;
        }
        if (!ok) {
            throw new InvalidSpecException("registry mirror", mirror, "host[:port] of a registry, no scheme or path",
                    "localhost:5000");
        }
        return m;
    }
}
