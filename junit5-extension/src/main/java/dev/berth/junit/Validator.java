package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Checks everything a test class declares before any resource is created: every container field,
 * names, aliases, dependencies, and what its constructors and test/lifecycle methods ask to be
 * injected. Throws the first problem as an {@code ExtensionConfigurationException}.
 */
final class Validator {
    private static final List<Class<? extends java.lang.annotation.Annotation>> JUNIT_METHODS = List.of(
            Test.class, TestTemplate.class, TestFactory.class, BeforeEach.class, AfterEach.class, BeforeAll.class,
            AfterAll.class);

    private final List<ClassModel> chain;
    private final Predicate<Class<?>> perClass;
    private final BerthConfig config;
    private final Function<String, String> sharedImage;
    private final Map<Declaration, Integer> order = new LinkedHashMap<>();
    private final Map<String, Declaration> byName = new LinkedHashMap<>();
    private final Set<String> networks = new LinkedHashSet<>();
    private final Map<Declaration, ContainerSpec> specs = new LinkedHashMap<>();

    /**
     * @param chain the class and its enclosing classes, outermost first
     * @param perClass whether a test class uses {@code @TestInstance(PER_CLASS)}
     * @param config run configuration
     * @param sharedImage image of an already running {@link Shared} container by name, or null
     */
    Validator(List<ClassModel> chain, Predicate<Class<?>> perClass, BerthConfig config,
              Function<String, String> sharedImage) {
        this.chain = chain;
        this.perClass = perClass;
        this.config = config;
        this.sharedImage = sharedImage;
        for (int i = 0; i < chain.size(); i++) {
            ClassModel m = chain.get(i);
            networks.addAll(m.networks());
            for (Declaration d : m.containers()) {
                order.put(d, d.shared() ? 0 : d.isStatic() || perClass.test(m.testClass()) ? 1 + i : 1000);
            }
        }
    }

    /**
     * Checks the class without the engine.
     *
     * @return the spec of every declaration that is known before a test instance exists, for
     *     {@link #checkAgainst}
     */
    Map<Declaration, ContainerSpec> validate() {
        chain.forEach(ClassModel::networkSpecs);
        Map<String, List<String>> graph = new LinkedHashMap<>();
        Map<String, Declaration> aliases = new HashMap<>();
        for (Declaration d : order.keySet()) {
            if (d.form() == Declaration.Form.UNSUPPORTED) {
                throw Errors.unsupportedType(d);
            }
            if (d.shared() && d.form() == Declaration.Form.SPEC && !d.isStatic()) {
                throw Errors.sharedInstanceSpec(d);
            }
            List<String> dependsOn = List.of(d.annotation().dependsOn());
            if (d.form() == Declaration.Form.ANNOTATION || d.isStatic()) {
                ContainerSpec spec = SpecFactory.build(d, null, config, networks, UnaryOperator.identity());
                dependsOn = spec.dependsOn();
                specs.put(d, spec);
                String running = d.shared() ? sharedImage.apply(d.name()) : null;
                if (running != null && !running.equals(spec.image().toString())) {
                    throw Errors.sharedConflict(d, running);
                }
            }
            Declaration other = byName.putIfAbsent(d.name(), d);
            if (other != null) {
                throw Errors.duplicateName(d, other);
            }
            for (String alias : d.annotation().aliases()) {
                Declaration before = aliases.putIfAbsent(d.annotation().network() + "/" + alias, d);
                if (before != null) {
                    throw Errors.duplicateAlias(d, before, d.annotation().network(), alias);
                }
            }
            graph.put(d.name(), dependsOn);
        }
        checkDependencies(graph);
        checkInjection();
        return new LinkedHashMap<>(specs);
    }

    /**
     * Checks specs against each other's options and the engine (its CPU count: one {@code info} call per
     * run, only when a spec limits CPUs), before any resource of the scope is created.
     *
     * @param engine the engine
     * @param specs the specs by declaration
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the field
     */
    static void checkAgainst(Engine engine, Map<Declaration, ContainerSpec> specs) {
        specs.forEach((d, spec) -> {
            try {
                engine.validate(spec);
            } catch (BerthException e) {
                throw Errors.invalidSpec(d, e);
            }
        });
    }

    private void checkDependencies(Map<String, List<String>> graph) {
        graph.forEach((name, deps) -> {
            for (String dep : deps) {
                if (!graph.containsKey(dep)) {
                    throw Errors.unknownDependency(byName.get(name), dep, List.copyOf(graph.keySet()));
                }
            }
        });
        // A cycle among containers of one scope is core's to find (Engine.startAll checks the plan before it
        // starts any); one that spans scopes always has an edge to a later scope, rejected here.
        graph.forEach((name, deps) -> {
            Declaration d = byName.get(name);
            for (String depName : deps) {
                Declaration dep = byName.get(depName);
                if (order.get(dep) > order.get(d)) {
                    throw Errors.laterDependency(d, dep, describe(dep) + ", this one " + describe(d));
                }
            }
        });
    }

    private static String describe(Declaration d) {
        return d.shared() ? "run-scoped" : d.isStatic() ? "class-scoped" : "instance field";
    }

    private void checkInjection() {
        ClassModel current = chain.get(chain.size() - 1);
        List<String> containerNames = List.copyOf(byName.keySet());
        List<String> networkNames = List.copyOf(networks);
        for (ClassModel m : chain) {
            for (Field f : m.useFields()) {
                String where = "@Use field " + f.getDeclaringClass().getName() + "." + f.getName();
                List<String> candidates = candidates(f.getType(), containerNames, networkNames);
                if (candidates == null) {
                    throw Errors.badUseField(where, f.getType());
                }
                pick(where, f.getType(), AnnotationSupport.findAnnotation(f, Use.class).orElseThrow().value(), f.getName(), candidates);
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(current.testClass().getDeclaredConstructors()));
        executables.addAll(ReflectionSupport.findMethods(current.testClass(),
                m -> JUNIT_METHODS.stream().anyMatch(a -> AnnotationSupport.isAnnotated(m, a)),
                HierarchyTraversalMode.TOP_DOWN));
        for (Executable e : executables) {
            for (Parameter p : e.getParameters()) {
                if (p.getType() != Engine.class && Lookup.claims(p, chain)) {
                    Use use = AnnotationSupport.findAnnotation(p, Use.class).orElse(null);
                    pick(Errors.parameter(p), p.getType(), use == null ? "" : use.value(),
                            p.isNamePresent() ? p.getName() : null,
                            candidates(p.getType(), containerNames, networkNames));
                }
            }
        }
    }

    private static List<String> candidates(Class<?> type, List<String> containers, List<String> networks) {
        if (type == RunningContainer.class || Handles.isHandle(type)) {
            return containers;
        }
        if (type == dev.berth.Network.class) {
            return networks;
        }
        return type == Engine.class ? List.of("engine") : null;
    }

    /**
     * Chooses among candidates: the qualifier, else the given name when it matches, else the only one.
     *
     * @return the chosen name, or null when there is no candidate at all (reported at resolution)
     */
    static String pick(String where, Class<?> type, String qualifier, String name, List<String> candidates) {
        if (type == Engine.class) {
            return "engine";
        }
        if (!qualifier.isEmpty()) {
            if (!candidates.contains(qualifier)) {
                throw Errors.unknownUse(where, type.getSimpleName(), qualifier, candidates);
            }
            return qualifier;
        }
        if (name != null && candidates.contains(name)) {
            return name;
        }
        if (candidates.size() > 1) {
            throw Errors.ambiguous(where, type.getSimpleName(), candidates);
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
