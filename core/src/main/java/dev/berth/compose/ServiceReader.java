package dev.berth.compose;

import dev.berth.ContainerSpec;
import dev.berth.Healthcheck;
import dev.berth.StopPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one service of a compose file into a {@link ServiceDefinition}; every key is mapped or rejected. */
final class ServiceReader {
    static final Set<String> KEYS = Set.of("image", "build", "command", "entrypoint", "environment", "env_file",
            "labels", "working_dir", "user", "hostname", "domainname", "ports", "expose", "depends_on", "healthcheck",
            "networks", "network_mode", "volumes", "tmpfs", "deploy", "mem_limit", "mem_reservation", "memswap_limit",
            "cpus", "cpu_shares", "cpuset", "pids_limit", "ulimits", "shm_size", "cap_add", "cap_drop", "read_only",
            "security_opt", "privileged", "ipc", "pid", "init", "stop_signal", "stop_grace_period", "profiles");
    private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile", "args");
    private static final Set<String> HEALTH_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "disable");
    private static final Set<String> NETWORK_KEYS = Set.of("aliases");
    private static final Set<String> DEPENDS_KEYS = Set.of("condition");

    private final Project project;

    ServiceReader(Project project) {
        this.project = project;
    }

    ServiceDefinition read(String name, Value service) {
        if (service.isMapping()) {
            RefusedKeys.check(name, service.mapping());
        }
        Map<String, Value> keys = service.mapping(KEYS);
        Optional<ComposeBuild> build = Optional.ofNullable(keys.get("build")).map(this::build);
        Value imageKey = keys.get("image");
        if (imageKey == null && build.isEmpty()) {
            throw service.invalid("service " + name, "no image", "a service with an image or a build",
                    "image: localhost:5000/berth-fixtures/busybox:1");
        }
        String image = build.isPresent() ? project.buildTag(name) : imageKey.text();
        ContainerSpec spec = service.mapped(() -> ContainerSpec.of(image).withName(name)
                .withLabel("com.docker.compose.project", project.name())
                .withLabel("com.docker.compose.service", name));
        if (build.isPresent()) {
            spec = spec.withPullPolicy(dev.berth.PullPolicy.NEVER);
        }
        Map<String, DependsOn> dependsOn = new LinkedHashMap<>();
        if (keys.containsKey("depends_on")) {
            dependsOn.putAll(dependsOn(keys.get("depends_on")));
        }
        spec = environment(spec, keys);
        for (Map.Entry<String, Value> e : keys.entrySet()) {
            spec = apply(spec, e.getKey(), e.getValue());
        }
        spec = new LimitKeys().apply(spec, keys);
        IsolationKeys isolation = new IsolationKeys(project, name);
        spec = isolation.apply(spec, keys);
        isolation.serviceReferences().forEach(s -> dependsOn.putIfAbsent(s, DependsOn.SERVICE_STARTED));
        spec = new StorageKeys(project, name).apply(spec, keys);
        spec = stopPolicy(spec, keys);
        if (!dependsOn.isEmpty()) {
            spec = spec.withDependsOn(dependsOn.keySet().toArray(String[]::new));
        }
        Map<String, List<String>> networks = networks(keys);
        List<String> profiles = keys.containsKey("profiles") ? keys.get("profiles").strings() : List.of();
        return new ServiceDefinition(name, spec, networks, build, dependsOn, profiles);
    }

    private ContainerSpec apply(ContainerSpec spec, String key, Value v) {
        return switch (key) {
            case "command" -> v.mapped(() -> spec.withCommand(words(v).toArray(String[]::new)));
            case "entrypoint" -> v.mapped(() -> spec.withEntrypoint(words(v).toArray(String[]::new)));
            case "working_dir" -> v.mapped(() -> spec.withWorkingDir(v.text()));
            case "labels" -> {
                ContainerSpec s = spec;
                for (Map.Entry<String, String> l : pairs(v).entrySet()) {
                    ContainerSpec before = s;
                    s = v.mapped(() -> before.withLabel(l.getKey(), l.getValue() == null ? "" : l.getValue()));
                }
                yield s;
            }
            case "healthcheck" -> v.mapped(() -> spec.withHealthcheck(healthcheck(v)));
            default -> spec;
        };
    }

    private static List<String> words(Value v) {
        return v.isSequence() ? v.strings() : Words.split(v.text(), v);
    }

    private ComposeBuild build(Value v) {
        if (!v.isMapping()) {
            return new ComposeBuild(existingDir(v, v.text()), Path.of("Dockerfile"), Map.of());
        }
        Map<String, Value> keys = v.mapping(BUILD_KEYS);
        Value context = keys.get("context");
        Path dir = context == null ? project.dir() : existingDir(context, context.text());
        Path dockerfile = Path.of(keys.containsKey("dockerfile") ? keys.get("dockerfile").text() : "Dockerfile");
        if (!Files.isRegularFile(dir.resolve(dockerfile))) {
            Value at = keys.getOrDefault("dockerfile", v);
            throw at.invalid("dockerfile", dockerfile.toString(), "a Dockerfile relative to the build context "
                    + dir + ", which has none by that name", "dockerfile: Dockerfile");
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (keys.containsKey("args")) {
            pairs(keys.get("args")).forEach((k, val) -> args.put(k, val != null ? val
                    : project.variables().getOrDefault(k, "")));
        }
        return new ComposeBuild(dir, dockerfile, args);
    }

    private Path existingDir(Value at, String path) {
        Path dir = project.dir().resolve(path).normalize();
        if (!Files.isDirectory(dir)) {
            throw at.invalid("build context", path, "a directory relative to the compose file (" + dir
                    + " does not exist)", "build: ./app");
        }
        return dir;
    }

    private ContainerSpec environment(ContainerSpec spec, Map<String, Value> keys) {
        Map<String, String> env = new LinkedHashMap<>();
        if (keys.containsKey("env_file")) {
            Value files = keys.get("env_file");
            List<Value> each = files.isSequence() ? files.list() : List.of(files);
            for (Value f : each) {
                String file = f.text();
                Path path = project.dir().resolve(file).normalize();
                if (!Files.isRegularFile(path)) {
                    throw f.invalid("env_file", file, "an existing file relative to the compose file ("
                            + path + " does not exist)", "env_file: app.env");
                }
                env.putAll(EnvFile.read(path, file));
            }
        }
        if (keys.containsKey("environment")) {
            pairs(keys.get("environment")).forEach((k, v) -> {
                String value = v != null ? v : project.variables().get(k);
                if (value != null) {
                    env.put(k, value);
                }
            });
        }
        ContainerSpec s = spec;
        for (Map.Entry<String, String> e : env.entrySet()) {
            ContainerSpec before = s;
            s = keys.getOrDefault("environment", keys.get("env_file"))
                    .mapped(() -> before.withEnv(e.getKey(), e.getValue()));
        }
        return s;
    }

    /** A mapping {@code {A: b}} or a list {@code ["A=b", "A"]}; a value-less entry maps to null. */
    static Map<String, String> pairs(Value v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v.isMapping()) {
            v.mapping().forEach((k, val) -> out.put(k, val.isNull() ? null : val.text()));
        } else {
            for (String item : v.strings()) {
                int eq = item.indexOf('=');
                out.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? null : item.substring(eq + 1));
            }
        }
        return out;
    }

    private Map<String, DependsOn> dependsOn(Value v) {
        Map<String, DependsOn> out = new LinkedHashMap<>();
        if (!v.isMapping()) {
            for (Value item : v.list()) {
                out.put(knownService(item, item.text()), DependsOn.SERVICE_STARTED);
            }
            return out;
        }
        for (Map.Entry<String, Value> e : v.mapping().entrySet()) {
            Value cond = e.getValue().isNull() ? null : e.getValue().mapping(DEPENDS_KEYS).get("condition");
            DependsOn condition = DependsOn.SERVICE_STARTED;
            if (cond != null) {
                String c = cond.text();
                condition = java.util.Arrays.stream(DependsOn.values()).filter(d -> d.composeName().equals(c))
                        .findFirst().orElseThrow(() -> cond.invalid("depends_on condition", c,
                                "service_started, service_healthy or service_completed_successfully",
                                "condition: service_healthy"));
            }
            out.put(knownService(e.getValue(), e.getKey()), condition);
        }
        return out;
    }

    private String knownService(Value at, String name) {
        if (!project.services().contains(name)) {
            throw at.invalid("depends_on", name, "a service of this file: " + String.join(", ", project.services()),
                    "depends_on: [" + project.services().iterator().next() + "]");
        }
        return name;
    }

    private Healthcheck healthcheck(Value v) {
        Map<String, Value> keys = v.mapping(HEALTH_KEYS);
        Value test = keys.get("test");
        Value disable = keys.get("disable");
        if (disable != null && disable.bool() || test != null && test.isSequence() && test.strings().equals(List.of("NONE"))) {
            return Healthcheck.none();
        }
        if (test == null) {
            throw v.invalid("healthcheck", "no test", "a healthcheck with a test",
                    "test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]");
        }
        List<String> command = test.isSequence() ? test.strings() : List.of("CMD-SHELL", test.text());
        Healthcheck base = Healthcheck.shell("true");
        Duration interval = keys.containsKey("interval") ? GoDuration.parse(keys.get("interval")) : base.interval();
        Duration timeout = keys.containsKey("timeout") ? GoDuration.parse(keys.get("timeout")) : base.timeout();
        int retries = keys.containsKey("retries") ? (int) keys.get("retries").integer() : base.retries();
        Duration startPeriod = keys.containsKey("start_period") ? GoDuration.parse(keys.get("start_period"))
                : Duration.ZERO;
        return test.mapped(() -> new Healthcheck(command, interval, timeout, retries, startPeriod));
    }

    private Map<String, List<String>> networks(Map<String, Value> keys) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Value v = keys.get("networks");
        if (v == null) {
            if (!keys.containsKey("network_mode")) {
                out.put("default", List.of());
            }
            return out;
        }
        if (keys.containsKey("network_mode")) {
            throw v.invalid("networks", "with network_mode", "either networks or network_mode in one service",
                    "networks: [backend]");
        }
        if (v.isMapping()) {
            for (Map.Entry<String, Value> e : v.mapping().entrySet()) {
                knownNetwork(e.getValue(), e.getKey());
                List<String> aliases = e.getValue().isNull() ? List.of()
                        : Optional.ofNullable(e.getValue().mapping(NETWORK_KEYS).get("aliases")).map(Value::strings)
                        .orElse(List.of());
                out.put(e.getKey(), aliases);
            }
        } else {
            for (Value item : v.list()) {
                out.put(knownNetwork(item, item.text()), List.of());
            }
        }
        return out;
    }

    private String knownNetwork(Value at, String name) {
        if (!project.networks().contains(name)) {
            throw at.invalid("network", name, "a network declared under the top-level networks: "
                    + String.join(", ", project.networks()), "networks: {" + name + ": {}}");
        }
        return name;
    }

    private static ContainerSpec stopPolicy(ContainerSpec spec, Map<String, Value> keys) {
        Value signal = keys.get("stop_signal");
        Value grace = keys.get("stop_grace_period");
        if (signal == null && grace == null) {
            return spec;
        }
        Duration period = grace == null ? Duration.ofSeconds(10) : GoDuration.parse(grace);
        if (signal != null) {
            String s = signal.text().toUpperCase(java.util.Locale.ROOT);
            if (List.of("SIGKILL", "KILL", "9").contains(s)) {
                return spec.withStopPolicy(StopPolicy.kill());
            }
        }
        return signal == null ? grace.mapped(() -> spec.withStopPolicy(StopPolicy.graceful(period)))
                : signal.mapped(() -> spec.withStopPolicy(StopPolicy.graceful(period).withSignal(signal.text())));
    }
}
