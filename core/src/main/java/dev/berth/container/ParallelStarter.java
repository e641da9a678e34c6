package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts specs concurrently, each once the specs it depends on are ready. If one fails, the ones
 * already started are stopped and removed, and the first failure is thrown.
 */
public final class ParallelStarter {
    /** Most containers started at the same time. */
    static final int MAX_THREADS = 8;

    private final ContainerLauncher launcher;
    private final NetworkLookup networks;

    /**
     * @param launcher starts one container
     */
    public ParallelStarter(ContainerLauncher launcher) {
        this.launcher = launcher;
        this.networks = launcher.networkLookup();
    }

    /**
     * @param specs the specs, started together
     * @return the ready containers, in the order of {@code specs}
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs) {
        return startAll(specs, Map.of());
    }

    /**
     * @param specs the specs, started together
     * @param running containers already running, by the name specs use in {@code dependsOn}
     * @return the ready containers started for {@code specs}, in their order
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs, Map<String, RunningContainer> running) {
        return startAll(specs, running, null);
    }

    /**
     * @param specs the specs, started together
     * @param running containers already running, by the name specs use in {@code dependsOn}
     * @param owner receives each container the moment it is ready and removes it from then on (if another
     *     fails, the ones it received stay); null to have this starter remove them on a failure
     * @return the ready containers started for {@code specs}, in their order
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs, Map<String, RunningContainer> running,
                                           Consumer<? super RunningContainer> owner) {
        StartPlan.check(specs, running.keySet());
        specs.forEach(launcher::validate);
        StartPlan.checkNetworks(specs, networks::exists);
        if (specs.isEmpty()) {
            return List.of();
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_THREADS, specs.size()), r -> {
            Thread t = new Thread(r, "berth-start-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // Keyed by position: the same spec value may be listed several times (n copies of one container).
            Map<String, Integer> indexByName = new HashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                int index = i;
                specs.get(i).name().ifPresent(name -> indexByName.put(name, index));
            }
            List<CompletableFuture<RunningContainer>> futures = new ArrayList<>(Collections.nCopies(specs.size(), null));
            List<CompletableFuture<RunningContainer>> ordered = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                ordered.add(schedule(i, specs, indexByName, running, futures, pool, owner));
            }
            CompletableFuture.allOf(ordered.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            return collect(ordered, owner == null);
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletableFuture<RunningContainer> schedule(int index, List<ContainerSpec> specs,
            Map<String, Integer> indexByName, Map<String, RunningContainer> running,
            List<CompletableFuture<RunningContainer>> futures, ExecutorService pool,
            Consumer<? super RunningContainer> owner) {
        CompletableFuture<RunningContainer> known = futures.get(index);
        if (known != null) {
            return known;
        }
        ContainerSpec s = specs.get(index);
        List<CompletableFuture<RunningContainer>> deps = new ArrayList<>();
        for (String dep : s.dependsOn()) {
            deps.add(indexByName.containsKey(dep) ? schedule(indexByName.get(dep), specs, indexByName, running, futures, pool,
                    owner)
                    : CompletableFuture.completedFuture(running.get(dep)));
        }
        // A container:<name> reference to a dependency or a running container means that very container.
        CompletableFuture<RunningContainer> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
                .thenApplyAsync(ready -> {
                    RunningContainer c = launcher.launch(NamedTargets.bind(s, name -> !s.dependsOn().contains(name)
                            ? null : indexByName.containsKey(name) ? futures.get(indexByName.get(name)).join()
                            : running.get(name)));
                    if (owner != null) {
                        owner.accept(c);
                    }
                    return c;
                }, pool);
        futures.set(index, f);
        return f;
    }

    private static List<RunningContainer> collect(List<CompletableFuture<RunningContainer>> ordered,
                                                  boolean removeOnFailure) {
        List<RunningContainer> started = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<RunningContainer> f : ordered) {
            try {
                started.add(f.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new BerthException("Starting a container failed", e.getCause());
                if (first == null) {
                    first = cause;
                } else if (first != cause && !(cause.getCause() == first)) {
                    first.addSuppressed(cause);
                }
            }
        }
        if (first == null) {
            return started;
        }
        for (RunningContainer c : removeOnFailure ? started : List.<RunningContainer>of()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first.addSuppressed(e);
            }
        }
        throw first;
    }
}
