package dev.berth.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders containers by {@code dependsOn} and finds dependency cycles. Pure logic. */
final class StartOrder {
    private StartOrder() {
    }

    /**
     * @param batch containers to start; dependencies outside the batch are ignored (already running)
     * @return the batch with every container after the ones it depends on, otherwise in declaration order
     * @throws IllegalArgumentException on a cycle (validation reports cycles before this is reached)
     */
    static List<Starter.Pending> sort(List<Starter.Pending> batch) {
        Map<String, Starter.Pending> byName = new LinkedHashMap<>();
        batch.forEach(p -> byName.put(p.name(), p));
        Map<String, List<String>> graph = new LinkedHashMap<>();
        batch.forEach(p -> graph.put(p.name(), p.spec().dependsOn()));
        List<String> cycle = findCycle(graph);
        if (!cycle.isEmpty()) {
            throw new IllegalArgumentException("dependsOn cycle: " + String.join(" -> ", cycle));
        }
        List<Starter.Pending> out = new ArrayList<>();
        Map<String, Boolean> done = new HashMap<>();
        for (String name : byName.keySet()) {
            visit(name, byName, done, out);
        }
        return out;
    }

    private static void visit(String name, Map<String, Starter.Pending> byName, Map<String, Boolean> done,
                              List<Starter.Pending> out) {
        Starter.Pending p = byName.get(name);
        if (p == null || done.containsKey(name)) {
            return;
        }
        done.put(name, true);
        p.spec().dependsOn().forEach(dep -> visit(dep, byName, done, out));
        out.add(p);
    }

    /**
     * @param graph name to the names it depends on (names without an entry are leaves)
     * @return the first cycle found as a path that starts and ends with the same name, or an empty list
     */
    static List<String> findCycle(Map<String, List<String>> graph) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = dfs(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> dfs(String node, Map<String, List<String>> graph, Map<String, Integer> state,
                                    List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String dep : graph.getOrDefault(node, List.of())) {
            List<String> cycle = dfs(dep, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
