package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

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

    /**
     * Checks a per-test batch whose specs were only readable now: every dependency is in the batch or
     * already running, and there is no cycle.
     */
    static void checkBatch(List<Declaration> declarations, List<Starter.Pending> batch, List<ContextResources> chain) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        Map<String, Declaration> byName = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            graph.put(batch.get(i).name(), batch.get(i).spec().dependsOn());
            byName.put(batch.get(i).name(), declarations.get(i));
        }
        graph.forEach((name, deps) -> {
            for (String dep : deps) {
                if (!graph.containsKey(dep) && container(chain, dep) == null) {
                    List<String> known = new ArrayList<>(graph.keySet());
                    chain.forEach(r -> known.addAll(r.containerNames()));
                    throw Errors.unknownDependency(byName.get(name), dep, known);
                }
            }
        });
        List<String> cycle = StartOrder.findCycle(graph);
        if (!cycle.isEmpty()) {
            throw Errors.cycle(byName.get(cycle.get(0)), cycle);
        }
    }
}
