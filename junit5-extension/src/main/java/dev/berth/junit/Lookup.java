package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds running containers and networks by name in a context and its ancestors (innermost first). */
final class Lookup {
    private Lookup() {
    }

    static RunningContainer container(List<ContextResources> chain, String name) {
        for (ContextResources r : chain) {
            RunningContainer c = r.container(name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static Network network(List<ContextResources> chain, String declaredName) {
        for (ContextResources r : chain) {
            Network n = r.network(declaredName);
            if (n != null) {
                return n;
            }
        }
        throw new IllegalStateException("Network " + declaredName + " is not created at this point");
    }

    /**
     * The parameter rule (docs/junit-extension.md, "Parameters"): Berth resolves an {@code Engine} parameter,
     * and a {@code RunningContainer}, typed handle or {@code Network} parameter that carries {@link Use} or whose
     * test class (with superclasses and enclosing classes) declares at least one container, respectively
     * network. It leaves every other parameter, and any {@link ComposeService} one, to other resolvers.
     *
     * @param p a parameter of a test class's constructor or method
     * @param chain what the test class and its enclosing classes declare
     * @return whether Berth resolves it
     */
    static boolean claims(Parameter p, List<ClassModel> chain) {
        Class<?> type = p.getType();
        if (AnnotationSupport.isAnnotated(p, ComposeService.class)) {
            return false;
        }
        if (type == Engine.class) {
            return true;
        }
        boolean container = type == RunningContainer.class || Handles.isHandle(type);
        if (!container && type != Network.class) {
            return false;
        }
        return AnnotationSupport.isAnnotated(p, Use.class) || chain.stream()
                .anyMatch(m -> container ? !m.containers().isEmpty() : !m.networks().isEmpty());
    }

    /**
     * @return the handle asked for, or null when it is not running at this point
     */
    static Object resolve(ExtensionContext context, List<ContextResources> chain, String where, Class<?> type,
                          String qualifier, String name, Engine engine) {
        if (type == Engine.class) {
            return engine;
        }
        boolean containers = type == RunningContainer.class || Handles.isHandle(type);
        Set<String> running = new LinkedHashSet<>();
        for (ContextResources r : chain) {
            running.addAll(containers ? r.containerNames() : r.networkNames());
        }
        if (!qualifier.isEmpty() && !running.contains(qualifier)) {
            return null;
        }
        String chosen = Validator.pick(where, type, qualifier, name, List.copyOf(running));
        if (chosen == null) {
            return null;
        }
        return containers ? Handles.wrap(type, container(chain, chosen)) : network(chain, chosen);
    }

}
