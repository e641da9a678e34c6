package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Starts the containers of one scope in parallel, each as soon as the containers it depends on in
 * the same batch are ready (dependencies outside the batch already run). Every started container is
 * handed to the scope at once, so a failure elsewhere still removes it.
 */
final class Starter {
    private Starter() {
    }

    /** A container to start: its logical name and spec. */
    record Pending(String name, ContainerSpec spec) { }

    /**
     * @param engine the engine
     * @param batch the containers to start
     * @param into where each started container is registered at once
     * @param outside running containers of enclosing scopes by logical name, or null
     */
    static void startAll(Engine engine, List<Pending> batch, ContextResources into,
                         Function<String, RunningContainer> outside) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            Pending only = batch.get(0);
            into.addContainer(only.name(), engine.start(IsolationMapping.bindTargets(only.spec(), outside)), true);
            return;
        }
        AtomicInteger seq = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(batch.size(), 8), r -> {
            Thread t = new Thread(r, "berth-start-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<RunningContainer>> futures = new java.util.concurrent.ConcurrentHashMap<>();
            for (Pending p : StartOrder.sort(batch)) {
                List<CompletableFuture<RunningContainer>> deps = new ArrayList<>();
                p.spec().dependsOn().forEach(name -> {
                    if (futures.containsKey(name)) {
                        deps.add(futures.get(name));
                    }
                });
                CompletableFuture<RunningContainer> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            RunningContainer c = engine.start(IsolationMapping.bindTargets(p.spec(),
                                    name -> futures.containsKey(name) ? futures.get(name).join() : outside.apply(name)));
                            into.addContainer(p.name(), c, true);
                            return c;
                        }, pool);
                futures.put(p.name(), f);
            }
            awaitAll(new ArrayList<>(futures.values()));
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitAll(List<CompletableFuture<RunningContainer>> futures) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<RunningContainer> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (!(cause instanceof CompletionException) && failures.stream().noneMatch(x -> x == cause)) {
                    failures.add(cause);
                }
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error err) {
            throw err;
        }
        throw new CompletionException(first);
    }
}
