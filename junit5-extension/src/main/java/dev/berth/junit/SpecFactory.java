package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import dev.berth.engine.Durations;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns a {@link Container} declaration into the same {@link ContainerSpec} the fluent API builds,
 * rejecting bad values with an error naming the field. The spec is final once built: the image stays as
 * declared (core pulls a Docker Hub image through {@code berth.registry.mirror}, for every caller alike),
 * and {@code container:<name>} references are bound by core's {@code Engine.startAll}.
 */
final class SpecFactory {
    private SpecFactory() {
    }

    /**
     * @param d the declaration
     * @param instance the test instance for an instance spec field, else null
     * @param config run configuration (defaults for timeout and pull policy)
     * @param declaredNetworks the network names visible to the field
     * @param engineNetwork maps a declared network name to its engine name
     * @return the validated spec
     * @throws ExtensionConfigurationException naming the field
     */
    static ContainerSpec build(Declaration d, Object instance, BerthConfig config, Set<String> declaredNetworks,
                               UnaryOperator<String> engineNetwork) {
        Container a = d.annotation();
        try {
            ContainerSpec spec = base(d, instance);
            spec = refine(d, spec, config);
            if (!a.network().isEmpty()) {
                if (d.shared()) {
                    throw Errors.sharedOnNetwork(d);
                }
                if (!declaredNetworks.contains(a.network())) {
                    throw Errors.unknownNetwork(d, a.network(), declaredNetworks.stream().sorted().toList());
                }
                spec = spec.withNetwork(engineNetwork.apply(a.network()), a.aliases());
            } else if (a.aliases().length > 0) {
                throw Errors.aliasesWithoutNetwork(d);
            }
            return spec;
        } catch (BerthException e) {
            throw Errors.invalidSpec(d, e);
        }
    }

    private static ContainerSpec base(Declaration d, Object instance) {
        Container a = d.annotation();
        switch (d.form()) {
            case ANNOTATION -> {
                if (java.lang.reflect.Modifier.isFinal(d.field().getModifiers())) {
                    throw Errors.finalField(d);
                }
                if (a.image().isBlank()) {
                    throw Errors.noImage(d);
                }
                return ContainerSpec.of(a.image()).withName(d.name());
            }
            case SPEC -> {
                ContainerSpec spec = d.readSpec(instance);
                if (spec == null) {
                    throw Errors.noImage(d);
                }
                if (!a.image().isBlank() && !ImageRef.parse(a.image()).equals(spec.image())) {
                    throw Errors.conflictingImage(d, spec.image().toString());
                }
                if (spec.name().isPresent() && !spec.name().get().equals(d.name())) {
                    throw Errors.conflictingName(d, spec.name().get());
                }
                if (!spec.networks().isEmpty()) {
                    throw Errors.specNetwork(d, spec.networks().get(0).network());
                }
                return spec.name().isEmpty() ? spec.withName(d.name()) : spec;
            }
            default -> throw Errors.unsupportedType(d);
        }
    }

    private static ContainerSpec refine(Declaration d, ContainerSpec spec, BerthConfig config) {
        Container a = d.annotation();
        if (a.ports().length > 0) {
            spec = spec.withExposedPorts(a.ports());
        }
        for (String entry : a.env()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw Errors.badEnv(d, entry);
            }
            spec = spec.withEnv(entry.substring(0, eq), entry.substring(eq + 1));
        }
        if (a.command().length > 0) {
            spec = spec.withCommand(a.command());
        }
        if (a.dependsOn().length > 0) {
            spec = spec.withDependsOn(a.dependsOn());
        }
        spec = WaitMapping.apply(d, spec);
        spec = IsolationMapping.apply(d, spec);
        List<String> declared = spec.dependsOn();
        List<String> targets = IsolationMapping.namespaceTargets(d).stream()
                .filter(t -> !declared.contains(t)).distinct().toList();
        if (!targets.isEmpty()) {
            spec = spec.withDependsOn(targets.toArray(String[]::new));
        }
        if (!a.startupTimeout().isEmpty()) {
            spec = spec.withStartupTimeout(Durations.parsePositive("startupTimeout", a.startupTimeout()));
        } else if (d.form() == Declaration.Form.ANNOTATION) {
            spec = spec.withStartupTimeout(config.startupTimeout());
        }
        if (spec.pullPolicy() == PullPolicy.MISSING && config.pullPolicy() != PullPolicy.MISSING) {
            spec = spec.withPullPolicy(config.pullPolicy());
        }
        return spec;
    }
}
