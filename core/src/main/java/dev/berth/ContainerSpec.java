package dev.berth;

import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: an immutable, validated description of one container. Every {@code with…} method
 * returns a changed copy; invalid values are rejected there with an {@link InvalidSpecException}.
 * Annotations and the fluent API build the same value.
 *
 * <pre>{@code
 * ContainerSpec redis = ContainerSpec.of("localhost:5000/berth-fixtures/redis:7")
 *         .withExposedPorts(6379)
 *         .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
 * }</pre>
 */
public final class ContainerSpec {
    private final Fields f;

    private ContainerSpec(Fields f) {
        this.f = f;
    }

    /**
     * @param image an image reference, e.g. {@code "localhost:5000/berth-fixtures/busybox:1"}
     * @return a spec running the image with its own command and defaults
     */
    public static ContainerSpec of(String image) {
        return of(ImageRef.parse(image));
    }

    /**
     * @param image an image reference
     * @return a spec running the image with its own command and defaults
     */
    public static ContainerSpec of(ImageRef image) {
        Fields f = new Fields();
        f.image = Objects.requireNonNull(image, "image");
        return new ContainerSpec(f);
    }

    private ContainerSpec with(java.util.function.Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new ContainerSpec(copy);
    }

    /** @return the image to run */
    public ImageRef image() { return f.image; }
    /** @return the logical name (used for dependsOn, injection and the container name prefix), empty for none */
    public Optional<String> name() { return Optional.ofNullable(f.name); }
    /** @return the command, empty for the image's CMD */
    public List<String> command() { return f.command; }
    /** @return the entrypoint, empty for the image's ENTRYPOINT (present and empty when cleared) */
    public Optional<List<String>> entrypoint() { return Optional.ofNullable(f.entrypoint); }
    /** @return environment variables, in declaration order */
    public Map<String, String> env() { return f.env; }
    /** @return user labels (Berth adds its own at creation) */
    public Map<String, String> labels() { return f.labels; }
    /** @return container ports published on the host at random ports */
    public List<Integer> exposedPorts() { return f.exposedPorts; }
    /** @return container port to fixed host port */
    public Map<Integer, Integer> fixedPorts() { return f.fixedPorts; }
    /** @return working directory, empty for the image's WORKDIR */
    public Optional<String> workingDir() { return Optional.ofNullable(f.workingDir); }
    /** @return files copied in before start */
    public List<FileCopy> files() { return f.files; }
    /** @return bind mounts and volumes */
    public List<Mount> mounts() { return f.mounts; }
    /** @return networks to join, with aliases */
    public List<NetworkAttachment> networks() { return f.networks; }
    /** @return logical names of specs that must be ready before this one starts */
    public List<String> dependsOn() { return f.dependsOn; }
    /** @return how readiness is decided */
    public WaitStrategy waitStrategy() { return f.wait; }
    /** @return the most time start + wait may take */
    public Duration startupTimeout() { return f.startupTimeout; }
    /** @return how teardown stops the container */
    public StopPolicy stopPolicy() { return f.stopPolicy; }
    /** @return when the image is pulled */
    public PullPolicy pullPolicy() { return f.pullPolicy; }
    /** @return cgroup limits */
    public Limits limits() { return f.limits; }
    /** @return namespace options */
    public Namespaces namespaces() { return f.namespaces; }
    /** @return security options */
    public Security security() { return f.security; }
    /** @return the healthcheck set at creation, empty for the image's own */
    public Optional<Healthcheck> healthcheck() { return Optional.ofNullable(f.healthcheck); }
    /** @return the command a snapshot runs in the container first when its options name none; empty for none */
    public List<String> snapshotPrepare() { return f.snapshotPrepare; }

    /**
     * @param image another image, everything else kept (used to start from a snapshot)
     * @return the changed copy
     */
    public ContainerSpec withImage(ImageRef image) {
        Objects.requireNonNull(image, "image");
        return with(c -> c.image = image);
    }

    /**
     * @param name logical name: letters, digits, '-', '_', '.'; unique among the specs started together
     * @return the changed copy
     */
    public ContainerSpec withName(String name) {
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
            throw new InvalidSpecException("container name", String.valueOf(name),
                    "1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit", "\"db\"");
        }
        return with(c -> c.name = name);
    }

    /**
     * @param command the command and its arguments, replacing the image's CMD
     * @return the changed copy
     */
    public ContainerSpec withCommand(String... command) {
        List<String> list = List.copyOf(Arrays.asList(command));
        return with(c -> c.command = list);
    }

    /**
     * @param entrypoint the entrypoint, replacing the image's ENTRYPOINT (empty clears it)
     * @return the changed copy
     */
    public ContainerSpec withEntrypoint(String... entrypoint) {
        List<String> list = List.copyOf(Arrays.asList(entrypoint));
        return with(c -> c.entrypoint = list);
    }

    /**
     * @param name variable name
     * @param value its value
     * @return the changed copy
     */
    public ContainerSpec withEnv(String name, String value) {
        if (name == null || name.isEmpty() || name.contains("=")) {
            throw new InvalidSpecException("environment variable name", String.valueOf(name),
                    "a non-empty name without '='", "\"POSTGRES_PASSWORD\"");
        }
        Objects.requireNonNull(value, "value of " + name);
        return with(c -> c.env = put(c.env, name, value));
    }

    /**
     * @param name label key
     * @param value label value
     * @return the changed copy
     */
    public ContainerSpec withLabel(String name, String value) {
        if (name == null || name.isBlank() || name.startsWith("dev.berth.")) {
            throw new InvalidSpecException("label", String.valueOf(name),
                    "a non-empty key outside the reserved dev.berth. prefix", "\"com.example.team\"");
        }
        Objects.requireNonNull(value, "value of label " + name);
        return with(c -> c.labels = put(c.labels, name, value));
    }

    /**
     * @param ports container ports to publish on random host ports (on 127.0.0.1 for a local engine)
     * @return the changed copy
     */
    public ContainerSpec withExposedPorts(int... ports) {
        List<Integer> list = new ArrayList<>(f.exposedPorts);
        for (int p : ports) {
            list.add(checkPort("exposed port", p));
        }
        List<Integer> distinct = list.stream().distinct().toList();
        return with(c -> c.exposedPorts = distinct);
    }

    /**
     * @param containerPort the port in the container
     * @param hostPort the fixed host port (prefer random ports: fixed ones clash between parallel runs)
     * @return the changed copy
     */
    public ContainerSpec withFixedPort(int containerPort, int hostPort) {
        checkPort("container port", containerPort);
        checkPort("host port", hostPort);
        return with(c -> c.fixedPorts = put(c.fixedPorts, containerPort, hostPort));
    }

    /**
     * @param dir absolute working directory in the container
     * @return the changed copy
     */
    public ContainerSpec withWorkingDir(String dir) {
        if (dir == null || !dir.startsWith("/")) {
            throw new InvalidSpecException("working directory", String.valueOf(dir), "an absolute path", "\"/app\"");
        }
        return with(c -> c.workingDir = dir);
    }

    /**
     * @param file a file to copy in before start
     * @return the changed copy
     */
    public ContainerSpec withFile(FileCopy file) {
        Objects.requireNonNull(file, "file");
        return with(c -> c.files = add(c.files, file));
    }

    /**
     * @param mount a bind mount or volume
     * @return the changed copy
     */
    public ContainerSpec withMount(Mount mount) {
        Objects.requireNonNull(mount, "mount");
        return with(c -> c.mounts = add(c.mounts, mount));
    }

    /**
     * @param network the network's engine name (see {@code Network.name()})
     * @param aliases names other containers on that network reach this one by
     * @return the changed copy
     */
    public ContainerSpec withNetwork(String network, String... aliases) {
        NetworkAttachment a = new NetworkAttachment(network, List.of(aliases));
        if (f.networks.stream().anyMatch(n -> n.network().equals(network))) {
            throw new InvalidSpecException("network", network, "each network once per container",
                    "withNetwork(\"backend\", \"db\", \"postgres\")");
        }
        return with(c -> c.networks = add(c.networks, a));
    }

    /**
     * @param names logical names of specs that must be ready before this one starts
     * @return the changed copy
     */
    public ContainerSpec withDependsOn(String... names) {
        List<String> list = new ArrayList<>(f.dependsOn);
        list.addAll(Arrays.asList(names));
        List<String> copy = List.copyOf(list);
        return with(c -> c.dependsOn = copy);
    }

    /**
     * @param strategy how readiness is decided
     * @return the changed copy
     */
    public ContainerSpec waitingFor(WaitStrategy strategy) {
        Objects.requireNonNull(strategy, "wait strategy");
        return with(c -> c.wait = strategy);
    }

    /**
     * @param timeout the most time start + wait may take; positive
     * @return the changed copy
     */
    public ContainerSpec withStartupTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidSpecException("startup timeout", String.valueOf(timeout), "a positive duration",
                    "Duration.ofSeconds(60)");
        }
        return with(c -> c.startupTimeout = timeout);
    }

    /**
     * @param policy how teardown stops the container
     * @return the changed copy
     */
    public ContainerSpec withStopPolicy(StopPolicy policy) {
        Objects.requireNonNull(policy, "stop policy");
        return with(c -> c.stopPolicy = policy);
    }

    /**
     * @param policy when the image is pulled
     * @return the changed copy
     */
    public ContainerSpec withPullPolicy(PullPolicy policy) {
        Objects.requireNonNull(policy, "pull policy");
        return with(c -> c.pullPolicy = policy);
    }

    /**
     * @param limits cgroup limits
     * @return the changed copy
     */
    public ContainerSpec withLimits(Limits limits) {
        Objects.requireNonNull(limits, "limits");
        return with(c -> c.limits = limits);
    }

    /**
     * @param namespaces namespace options
     * @return the changed copy
     */
    public ContainerSpec withNamespaces(Namespaces namespaces) {
        Objects.requireNonNull(namespaces, "namespaces");
        return with(c -> c.namespaces = namespaces);
    }

    /**
     * @param security security options
     * @return the changed copy
     */
    public ContainerSpec withSecurity(Security security) {
        Objects.requireNonNull(security, "security");
        return with(c -> c.security = security);
    }

    /**
     * @param healthcheck a Docker healthcheck replacing the image's HEALTHCHECK (see {@code Wait.forHealthcheck()})
     * @return the changed copy
     */
    public ContainerSpec withHealthcheck(Healthcheck healthcheck) {
        Objects.requireNonNull(healthcheck, "healthcheck");
        return with(c -> c.healthcheck = healthcheck);
    }

    /**
     * The default preparation before a snapshot of this container ({@code engine.snapshot}, {@code @ResetPerTest}):
     * run in the container when the snapshot's own options name no prepare command, and it must exit 0.
     * Service modules set it (a database {@code CHECKPOINT}, {@code FLUSH TABLES}, Redis {@code SAVE}).
     *
     * @param command the command and its arguments; none to clear it
     * @return the changed copy
     */
    public ContainerSpec withSnapshotPrepare(String... command) {
        List<String> list = List.copyOf(Arrays.asList(command));
        return with(c -> c.snapshotPrepare = list);
    }

    /**
     * A stable fingerprint of everything this spec says: SHA-256 (64 hex digits) over a canonical
     * rendering of every field — image reference, name, command, entrypoint, env and labels (in key
     * order), ports, working dir, copied files (by the SHA-256 of their bytes), mounts, networks, dependsOn, wait strategy (by its description), timeouts, stop and pull policy,
     * limits, namespaces, security, healthcheck and snapshot preparation. Specs that run the same container give the same
     * fingerprint in every JVM; any change gives another. It does not cover what the image reference
     * points to: combine it with the image's id to key anything derived from a run.
     *
     * @return 64 lowercase hex digits
     */
    public String fingerprint() {
        return SpecFingerprint.of(this);
    }

    /**
     * @param other another value
     * @return true for a spec with the same values in every field: wait strategies compare by their
     *     description, copied bytes by content (the same rule as {@link #fingerprint()}, without hashing files)
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ContainerSpec o && f.key().equals(o.f.key());
    }

    @Override
    public int hashCode() {
        return f.key().hashCode();
    }

    /** @return the name, image and the fields that differ from the defaults; environment values are not shown */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ContainerSpec[");
        if (f.name != null) {
            b.append(f.name).append(' ');
        }
        b.append(f.image);
        Fields defaults = new Fields();
        List<Object> key = f.key();
        List<Object> plain = defaults.key();
        for (int i = 2; i < key.size(); i++) {
            if (!Objects.equals(key.get(i), plain.get(i))) {
                Object value = Fields.NAMES.get(i).equals("env") ? f.env.keySet() : key.get(i);
                b.append(", ").append(Fields.NAMES.get(i)).append('=').append(value);
            }
        }
        return b.append(']').toString();
    }

    static int checkPort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidSpecException(option, port, "1 to 65535", "6379");
        }
        return port;
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    /** The mutable bag behind one immutable spec; only ever changed on a fresh copy. */
    private static final class Fields implements Cloneable {
        ImageRef image;
        String name;
        List<String> command = List.of();
        List<String> entrypoint;
        Map<String, String> env = Map.of();
        Map<String, String> labels = Map.of();
        List<Integer> exposedPorts = List.of();
        Map<Integer, Integer> fixedPorts = Map.of();
        String workingDir;
        List<FileCopy> files = List.of();
        List<Mount> mounts = List.of();
        List<NetworkAttachment> networks = List.of();
        List<String> dependsOn = List.of();
        WaitStrategy wait = Wait.none();
        Duration startupTimeout = Duration.ofSeconds(60);
        StopPolicy stopPolicy = StopPolicy.kill();
        PullPolicy pullPolicy = PullPolicy.MISSING;
        Limits limits = Limits.none();
        Namespaces namespaces = Namespaces.defaults();
        Security security = Security.defaults();
        Healthcheck healthcheck;
        List<String> snapshotPrepare = List.of();

        /** The field names of {@link #key()}, in its order. */
        static final List<String> NAMES = List.of("image", "name", "command", "entrypoint", "env", "labels",
                "exposedPorts", "fixedPorts", "workingDir", "files", "mounts", "networks", "dependsOn", "wait",
                "startupTimeout", "stopPolicy", "pullPolicy", "limits", "namespaces", "security", "healthcheck",
                "snapshotPrepare");

        /** @return every field, the wait strategy by its description (strategies need not implement equals) */
        List<Object> key() {
            return Arrays.asList(image, name, command, entrypoint, env, labels, exposedPorts, fixedPorts, workingDir,
                    files, mounts, networks, dependsOn, SpecFingerprint.describe(wait), startupTimeout, stopPolicy,
                    pullPolicy, limits, namespaces, security, healthcheck, snapshotPrepare);
        }

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
