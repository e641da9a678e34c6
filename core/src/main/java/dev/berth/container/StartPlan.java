package dev.berth.container;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.NetworkAttachment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks specs started together before anything is created: unique names, known and acyclic
 * {@code dependsOn}, aliases unique per network, networks that exist.
 */
final class StartPlan {
    private StartPlan() {
    }

    /** Rejects duplicate names, unknown dependencies, cycles and duplicate aliases. */
    static Map<String, ContainerSpec> check(List<ContainerSpec> specs) {
        return check(specs, Set.of());
    }

    /**
     * Rejects duplicate names (also against the running ones), dependencies that are neither started
     * together nor running, cycles and duplicate aliases.
     *
     * @param specs the specs started together
     * @param running names of containers already running that specs may depend on
     * @return the specs by name
     */
    static Map<String, ContainerSpec> check(List<ContainerSpec> specs, Set<String> running) {
        Map<String, ContainerSpec> byName = new LinkedHashMap<>();
        for (ContainerSpec s : specs) {
            String name = s.name().orElse(null);
            if (name != null && (byName.put(name, s) != null || running.contains(name))) {
                throw new InvalidSpecException("container name", name,
                        "a name used by one spec among those started together", "withName(\"db\")");
            }
        }
        for (ContainerSpec s : specs) {
            for (String dep : s.dependsOn()) {
                if (!byName.containsKey(dep) && !running.contains(dep)) {
                    Set<String> known = new LinkedHashSet<>(byName.keySet());
                    known.addAll(running);
                    throw new InvalidSpecException("dependsOn of " + label(s), dep, running.isEmpty()
                            ? "the name of a spec started together with it, one of " + known
                            : "the name of a spec started together with it or of a running container, one of " + known,
                            "withName(\"" + dep + "\") on the spec it depends on");
                }
            }
        }
        for (ContainerSpec s : specs) {
            List<String> cycle = cycleFrom(s.name().orElse(null), byName, new ArrayList<>(), new LinkedHashSet<>());
            if (cycle != null) {
                throw new InvalidSpecException("dependsOn", String.join(" -> ", cycle),
                        "dependencies without a cycle", "db <- app (app.withDependsOn(\"db\"))");
            }
        }
        checkAliases(specs);
        return byName;
    }

    private static List<String> cycleFrom(String name, Map<String, ContainerSpec> byName, List<String> path,
                                          Set<String> done) {
        if (name == null || done.contains(name) || !byName.containsKey(name)) {
            return null; // unnamed, already explored, or already running
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            return cycle;
        }
        path.add(name);
        for (String dep : byName.get(name).dependsOn()) {
            List<String> found = cycleFrom(dep, byName, path, done);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return null;
    }

    static void checkAliases(List<ContainerSpec> specs) {
        Map<String, Map<String, String>> owners = new HashMap<>();
        for (ContainerSpec s : specs) {
            for (NetworkAttachment a : s.networks()) {
                Map<String, String> aliases = owners.computeIfAbsent(a.network(), n -> new HashMap<>());
                for (String alias : a.aliases()) {
                    String owner = aliases.putIfAbsent(alias, label(s));
                    if (owner != null) {
                        throw new InvalidSpecException("network alias", alias,
                                "an alias used by one container per network, but " + owner + " and " + label(s)
                                        + " both use it on network " + a.network(),
                                "distinct aliases such as \"db-primary\" and \"db-replica\"");
                    }
                }
            }
        }
    }

    /** Rejects networks the engine does not know, naming the first one. */
    static void checkNetworks(List<ContainerSpec> specs, Predicate<String> exists) {
        Set<String> checked = new LinkedHashSet<>();
        for (ContainerSpec s : specs) {
            for (NetworkAttachment a : s.networks()) {
                if (checked.add(a.network()) && !exists.test(a.network())) {
                    throw new InvalidSpecException("network of " + label(s), a.network(),
                            "the name of an existing network; create it first with engine.network(…) and pass"
                                    + " its name()", "withNetwork(backend.name(), \"db\")");
                }
            }
        }
    }

    static String label(ContainerSpec s) {
        return s.name().orElseGet(() -> s.image().toString());
    }
}
