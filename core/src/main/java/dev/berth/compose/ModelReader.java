package dev.berth.compose;

import dev.berth.Mount;
import dev.berth.NetworkSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a whole compose file: top-level keys, project name, variables, profiles, then each service. */
final class ModelReader {
    private static final Set<String> TOP = Set.of("version", "name", "services", "networks", "volumes");
    private static final Set<String> NETWORK = Set.of("driver", "internal", "labels");
    private static final Set<String> VOLUME = Set.of();

    private ModelReader() {
    }

    static ComposeModel read(ComposeProject p, String sessionTag) {
        Path file = p.file().toAbsolutePath().normalize();
        String shown = p.file().toString();
        if (!Files.isRegularFile(file)) {
            throw new ComposeFileException(dev.berth.InvalidSpecException.message("compose file", shown,
                    "an existing file (" + file + " does not exist)", "src/test/resources/docker-compose.yml"),
                    Location.file(shown));
        }
        Path dir = file.getParent();
        Map<String, String> variables = new HashMap<>();
        Path dotEnv = dir.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            variables.putAll(EnvFile.read(dotEnv, dir.relativize(dotEnv).toString()));
        }
        variables.putAll(p.environment());
        Value root = Source.read(file, shown, new Interpolation(variables));
        Map<String, Value> top = root.mapping(TOP);
        Value servicesKey = top.get("services");
        if (servicesKey == null || servicesKey.isNull() || servicesKey.mapping().isEmpty()) {
            throw root.invalid("compose file", "no services", "a file with a services mapping",
                    "services: {db: {image: \"localhost:5000/berth-fixtures/postgres:15\"}}");
        }
        Map<String, Value> services = servicesKey.mapping();
        Map<String, Value> networks = top.containsKey("networks") ? top.get("networks").mapping() : Map.of();
        Map<String, Value> volumes = top.containsKey("volumes") ? top.get("volumes").mapping() : Map.of();
        Set<String> networkNames = new LinkedHashSet<>(networks.keySet());
        networkNames.add("default");
        String name = projectName(p, top.get("name"), variables, dir);
        Project project = new Project(dir, name, sessionTag, Map.copyOf(variables), volumes.keySet(), networkNames,
                services.keySet());

        ServiceReader reader = new ServiceReader(project);
        Map<String, ServiceDefinition> read = new LinkedHashMap<>();
        Map<String, Location> dependsOnAt = new HashMap<>();
        for (Map.Entry<String, Value> e : services.entrySet()) {
            Value service = e.getValue();
            if (!e.getKey().matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
                throw new ComposeFileException(dev.berth.InvalidSpecException.message("service name", e.getKey(),
                        "1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit", "db"),
                        service.keyAt());
            }
            read.put(e.getKey(), reader.read(e.getKey(), service));
            Value deps = service.mapping().get("depends_on");
            dependsOnAt.put(e.getKey(), (deps == null ? service : deps).keyAt());
        }
        List<String> active = active(read, p.profiles(), variables, services);
        return new ComposeModel(shown, name, read, active, networkSpecs(read, active, networks, name),
                volumeNames(read, active), dependsOnAt);
    }

    private static List<String> active(Map<String, ServiceDefinition> services, Set<String> profiles,
                                       Map<String, String> variables, Map<String, Value> nodes) {
        Set<String> on = new LinkedHashSet<>(profiles);
        if (on.isEmpty() && variables.containsKey("COMPOSE_PROFILES")) {
            for (String s : variables.get("COMPOSE_PROFILES").split(",")) {
                if (!s.isBlank()) {
                    on.add(s.strip());
                }
            }
        }
        List<String> active = new ArrayList<>();
        services.forEach((n, s) -> {
            if (s.profiles().isEmpty() || s.profiles().stream().anyMatch(on::contains)) {
                active.add(n);
            }
        });
        for (String n : active) {
            for (String dep : services.get(n).dependsOn().keySet()) {
                if (!active.contains(dep)) {
                    Value at = nodes.get(n).mapping().getOrDefault("depends_on", nodes.get(n));
                    throw at.invalid("depends_on", dep, "a service that starts: " + dep + " belongs to the profiles "
                            + services.get(dep).profiles() + ", none of them active (active: " + on + ")",
                            "ComposeProject.withProfiles(\"" + services.get(dep).profiles().get(0) + "\")");
                }
            }
        }
        return active;
    }

    private static Map<String, NetworkSpec> networkSpecs(Map<String, ServiceDefinition> services, List<String> active,
                                                         Map<String, Value> declared, String project) {
        Map<String, NetworkSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : declared.entrySet()) {
            out.put(e.getKey(), network(project, e.getKey(), e.getValue()));
        }
        Set<String> used = new LinkedHashSet<>();
        active.forEach(s -> used.addAll(services.get(s).networks().keySet()));
        if (used.contains("default") && !out.containsKey("default")) {
            out.put("default", network(project, "default", null));
        }
        out.keySet().retainAll(used);
        return out;
    }

    private static NetworkSpec network(String project, String name, Value v) {
        String engineName = (project + "_" + name);
        NetworkSpec spec = NetworkSpec.of(engineName.length() > 41 ? engineName.substring(0, 41) : engineName)
                .withLabel("com.docker.compose.project", project).withLabel("com.docker.compose.network", name);
        if (v == null || v.isNull()) {
            return spec;
        }
        Map<String, Value> keys = v.mapping(NETWORK);
        NetworkSpec s = spec;
        if (keys.containsKey("driver")) {
            NetworkSpec before = s;
            s = keys.get("driver").mapped(() -> before.withDriver(keys.get("driver").text()));
        }
        if (keys.containsKey("internal")) {
            s = s.withInternal(keys.get("internal").bool());
        }
        if (keys.containsKey("labels")) {
            for (Map.Entry<String, String> l : ServiceReader.pairs(keys.get("labels")).entrySet()) {
                NetworkSpec before = s;
                s = keys.get("labels").mapped(() -> before.withLabel(l.getKey(), l.getValue() == null ? ""
                        : l.getValue()));
            }
        }
        return s;
    }

    private static List<String> volumeNames(Map<String, ServiceDefinition> services, List<String> active) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : active) {
            services.get(s).spec().mounts().stream().filter(Mount::volume).map(Mount::source).forEach(out::add);
        }
        return List.copyOf(out);
    }

    static String projectName(ComposeProject p, Value nameKey, Map<String, String> variables, Path dir) {
        String raw = p.projectName().orElseGet(() -> nameKey != null ? nameKey.text()
                : variables.getOrDefault("COMPOSE_PROJECT_NAME", dir.getFileName() == null ? "default"
                : dir.getFileName().toString()));
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", "");
        if (name.isEmpty()) {
            throw new ComposeFileException(dev.berth.InvalidSpecException.message("project name", raw,
                    "letters, digits, '-' and '_' (compose lower-cases it and drops other characters)", "shop"),
                    nameKey == null ? Location.file(p.file().toString()) : nameKey.at());
        }
        return name;
    }
}
