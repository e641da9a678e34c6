package dev.berth.compose;

import dev.berth.InvalidSpecException;
import dev.berth.NetworkSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose file read and validated: every service mapped onto a {@link dev.berth.ContainerSpec}, the
 * networks onto {@link NetworkSpec}s, the named volumes onto per-session volume names. Immutable;
 * nothing exists on an engine until {@link ComposeProject#start(dev.berth.Engine)}.
 */
public final class ComposeModel {
    private final String file;
    private final String name;
    private final Map<String, ServiceDefinition> services;
    private final List<String> active;
    private final Map<String, NetworkSpec> networks;
    private final List<String> volumes;
    private final Map<String, Location> dependsOnAt;

    ComposeModel(String file, String name, Map<String, ServiceDefinition> services, List<String> active,
                 Map<String, NetworkSpec> networks, List<String> volumes, Map<String, Location> dependsOnAt) {
        this.file = file;
        this.name = name;
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.active = List.copyOf(active);
        this.networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        this.volumes = List.copyOf(volumes);
        this.dependsOnAt = Map.copyOf(dependsOnAt);
    }

    /** @return the compose file, as it was given */
    public String file() {
        return file;
    }

    /** @return the project name, normalised as compose does (lower case, letters, digits, '-' and '_') */
    public String name() {
        return name;
    }

    /** @return every service of the file, in file order, whatever its profiles */
    public Map<String, ServiceDefinition> services() {
        return services;
    }

    /** @return the names of the services that start: those without profiles and those of an active profile */
    public List<String> activeServices() {
        return active;
    }

    /**
     * @param service a service name
     * @return the service
     * @throws InvalidSpecException if the file has no such service
     */
    public ServiceDefinition service(String service) {
        ServiceDefinition s = services.get(service);
        if (s == null) {
            throw new InvalidSpecException("compose service", service, "a service of " + file + ": "
                    + String.join(", ", services.keySet()), "\"" + services.keySet().iterator().next() + "\"");
        }
        return s;
    }

    /** @return the networks the active services join, by compose name ({@code default} included when used) */
    public Map<String, NetworkSpec> networks() {
        return networks;
    }

    /**
     * @return the named (and anonymous) volumes the active services mount, as declared to
     *     {@code Mount.volume}: {@code <project>_<volume>} (the engine name adds {@code berth-} and the session)
     */
    public List<String> volumes() {
        return volumes;
    }

    Location dependsOnAt(String service) {
        return dependsOnAt.getOrDefault(service, Location.file(file));
    }

    @Override
    public String toString() {
        return "ComposeModel[" + name + " " + file + " " + active + "]";
    }
}
