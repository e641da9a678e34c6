package dev.berth.compose;

import dev.berth.ContainerSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a compose file, mapped onto Berth's typed options.
 *
 * @param name the service name (the spec's logical name, its DNS alias on every network it joins)
 * @param spec what to run; its networks are joined at start, once the project's networks exist
 * @param networks the compose networks it joins, each with its extra aliases
 * @param build how its image is built, if it has a {@code build}
 * @param dependsOn the services it depends on, each with its condition
 * @param profiles the profiles it belongs to; empty means always started
 */
public record ServiceDefinition(String name, ContainerSpec spec, Map<String, List<String>> networks,
                             Optional<ComposeBuild> build, Map<String, DependsOn> dependsOn, List<String> profiles) {
    /**
     * Copies.
     *
     * @param name the service name
     * @param spec what to run
     * @param networks the compose networks it joins, with extra aliases
     * @param build how its image is built, if it has a {@code build}
     * @param dependsOn the services it depends on, with conditions
     * @param profiles its profiles
     */
    public ServiceDefinition {
        networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        dependsOn = Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        profiles = List.copyOf(profiles);
    }
}
