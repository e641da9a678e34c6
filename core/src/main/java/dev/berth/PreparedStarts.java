package dev.berth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import dev.berth.cleanup.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers started ahead of need: while one test uses its fresh container, the next test's is created and
 * started in the background, and handed over whole when that test asks for an equal spec. Each prepared
 * container is handed to exactly one caller ({@link #claim} is atomic), so concurrent callers each get their own;
 * one nobody claims is removed by {@link #close()}. They are ordinary containers of the engine's session
 * (labelled, in its ledger), so closing the engine, its shutdown hook and the next run's sweep remove them too.
 *
 * <pre>{@code
 * try (PreparedStarts ahead = new PreparedStarts(engine, 1)) {
 *     for (Case c : cases) {
 *         RunningContainer db = ahead.claim(spec, Map.of()).orElseGet(() -> engine.start(spec));
 *         ahead.prepare(spec, Map.of());            // the next one starts while this one is used
 *         try (db) { c.run(db); }
 *     }
 * } // the one prepared for a case that never came is removed
 * }</pre>
 *
 * <p>Only specs {@link #canPrepare} accepts are prepared: a fixed host port would clash with the container in use,
 * a volume would be shared with it, and a network alias would answer for both. A prepared container has been running for as long as the previous user
 * held its own; a spec whose behaviour depends on its container's age should not be prepared. Thread-safe.
 */
public final class PreparedStarts implements AutoCloseable {
    /** The most containers prepared ahead per spec. */
    public static final int MAX_DEPTH = 4;
    private static final Logger LOG = LoggerFactory.getLogger(PreparedStarts.class);

    private final Engine engine;
    private final int depth;
    private final ExecutorService starter;
    private final Map<Key, Deque<CompletableFuture<RunningContainer>>> prepared = new HashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger claimed = new AtomicInteger();
    private boolean closed;

    /**
     * @param engine the engine that starts (and at the latest, on its close, removes) the prepared containers
     * @param depth how many containers to keep prepared per spec, 1 to {@link #MAX_DEPTH}
     * @throws InvalidSpecException for a depth outside 1 to {@link #MAX_DEPTH}
     */
    public PreparedStarts(Engine engine, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidSpecException("depth", depth, "1 to " + MAX_DEPTH + " containers prepared ahead per spec",
                    "new PreparedStarts(engine, 1)");
        }
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.depth = depth;
        AtomicInteger threadNo = new AtomicInteger();
        this.starter = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "berth-prepare-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Whether a container of this spec may run next to another of the same spec, as a prepared one does next to the
     * one in use (and next to the one still being removed): it publishes no fixed host port (the other holds it),
     * mounts no volume (the other may have written to it) and has no network alias (two containers answering on
     * one alias make the network's DNS ambiguous).
     *
     * @param spec a spec
     * @return whether it may be started ahead
     */
    public static boolean canPrepare(ContainerSpec spec) {
        return spec.fixedPorts().isEmpty() && spec.mounts().stream().noneMatch(Mount::volume)
                && spec.networks().stream().allMatch(n -> n.aliases().isEmpty());
    }

    /**
     * Hands over a container prepared for an equal spec with the same running dependencies, waiting for it if it
     * is still starting. A prepared start that failed is passed over (the caller's own start reports the error).
     *
     * @param spec the spec the caller would start
     * @param running the running containers it depends on, by the names in its {@code dependsOn}
     * @return a fresh, ready container nobody else received; empty when none was prepared (start it yourself)
     */
    public Optional<RunningContainer> claim(ContainerSpec spec, Map<String, RunningContainer> running) {
        Key key = Key.of(spec, running);
        while (true) {
            CompletableFuture<RunningContainer> next;
            synchronized (this) {
                Deque<CompletableFuture<RunningContainer>> queue = prepared.get(key);
                next = closed || queue == null ? null : queue.pollFirst();
            }
            if (next == null) {
                return Optional.empty();
            }
            try {
                RunningContainer c = next.join();
                claimed.incrementAndGet();
                return Optional.of(c);
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                LOG.debug("A container prepared ahead for {} failed to start; trying the next one: {}",
                        spec.name().orElse(spec.image().toString()), e.getMessage());
            }
        }
    }

    /**
     * Starts containers for {@code spec} in the background until {@code depth} of them wait unclaimed. Does nothing
     * for a spec {@link #canPrepare} refuses, or once closed.
     *
     * @param spec the spec a later caller is expected to claim
     * @param running the running containers it depends on, by the names in its {@code dependsOn}; they must outlive
     *     the prepared container's wait to be claimed
     */
    public void prepare(ContainerSpec spec, Map<String, RunningContainer> running) {
        prepare(spec, running, depth);
    }

    /**
     * Starts containers for {@code spec} in the background as {@link #prepare(ContainerSpec, Map)} does, but keeps
     * no more of them waiting than {@code claimsLeft}, the claims of this spec still to come. A caller that knows
     * how many uses are left (a test class's remaining tests) so starts nothing for a use that never comes. An
     * over-estimate costs a container started and removed unclaimed; an under-estimate, a caller that starts its
     * own.
     *
     * @param spec the spec a later caller is expected to claim
     * @param running the running containers it depends on, by the names in its {@code dependsOn}
     * @param claimsLeft the most claims of this spec still to come; 0 prepares nothing
     * @throws InvalidSpecException for a negative {@code claimsLeft}
     */
    public void prepare(ContainerSpec spec, Map<String, RunningContainer> running, int claimsLeft) {
        if (claimsLeft < 0) {
            throw new InvalidSpecException("claimsLeft", claimsLeft, "0 or more claims still to come",
                    "ahead.prepare(spec, Map.of(), 3)");
        }
        if (!canPrepare(spec)) {
            return;
        }
        int wanted = Math.min(depth, claimsLeft);
        Key key = Key.of(spec, running);
        Map<String, RunningContainer> deps = Map.copyOf(running);
        synchronized (this) {
            if (closed) {
                return;
            }
            Deque<CompletableFuture<RunningContainer>> queue = prepared.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (queue.size() < wanted) {
                started.incrementAndGet();
                queue.addLast(CompletableFuture.supplyAsync(() -> start(spec, deps), starter));
            }
        }
    }

    private RunningContainer start(ContainerSpec spec, Map<String, RunningContainer> running) {
        return running.isEmpty() ? engine.start(spec) : engine.startAll(List.of(spec), running).get(0);
    }

    /** @return containers prepared so far (claimed or not) */
    public int preparedCount() {
        return started.get();
    }

    /** @return containers handed over by {@link #claim} so far */
    public int claimedCount() {
        return claimed.get();
    }

    /**
     * Removes every prepared container nobody claimed, waiting for those still starting; claims and prepares
     * after this find nothing and do nothing. Idempotent.
     *
     * @throws BerthException listing the containers that could not be removed
     */
    @Override
    public void close() {
        List<CompletableFuture<RunningContainer>> left = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            prepared.values().forEach(left::addAll);
            prepared.clear();
        }
        Steps steps = new Steps();
        try {
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            for (CompletableFuture<RunningContainer> f : left) {
                removals.add(f.thenAcceptAsync(RunningContainer::close, starter)); // in parallel
            }
            for (int i = 0; i < left.size(); i++) {
                RunningContainer c = left.get(i).exceptionally(e -> null).join();
                if (c == null) {
                    continue; // a failed start removed its own container
                }
                CompletableFuture<Void> removal = removals.get(i);
                steps.attempt("remove " + c.name() + " (prepared ahead, never claimed)", () -> {
                    try {
                        removal.join();
                    } catch (CompletionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                });
            }
        } finally {
            starter.shutdown();
        }
        steps.throwIfFailed("containers prepared ahead");
        if (!left.isEmpty()) {
            LOG.debug("Removed {} container(s) prepared ahead that nobody claimed", left.size());
        }
    }

    /** A spec and the ids of the running containers it depends on: equal keys start interchangeable containers. */
    private record Key(ContainerSpec spec, Map<String, String> dependencies) {
        static Key of(ContainerSpec spec, Map<String, RunningContainer> running) {
            return new Key(spec, ids(spec, running));
        }

        private static Map<String, String> ids(ContainerSpec spec, Map<String, RunningContainer> running) {
            Map<String, String> out = new TreeMap<>();
            for (String dep : spec.dependsOn()) {
                RunningContainer c = running.get(dep);
                out.put(dep, c == null ? "" : c.id());
            }
            return out;
        }
    }
}
