package dev.berth.cleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes resources off the caller's critical path on a small pool owned by one engine, so the next
 * test need not wait for the previous container's removal. Every removal is awaited by
 * {@link #awaitAll}, and every failure is reported there. Threads are daemons, created on first use.
 * Thread-safe.
 */
final class BackgroundRemovals {
    private final String owner;
    private final int threads;
    private final Map<CompletableFuture<Void>, String> pending = new ConcurrentHashMap<>();
    private final List<StepFailure> failures = new ArrayList<>();
    private int submitted;
    private ExecutorService executor;
    private boolean shutDown;

    /**
     * @param owner names the threads, e.g. the session's short id
     * @param threads the pool size
     */
    public BackgroundRemovals(String owner, int threads) {
        this.owner = owner;
        this.threads = threads;
    }

    /**
     * Closes the resource in the background. After {@link #shutdown()} it is closed right away instead.
     *
     * @param resource a container, network, scope or any other resource
     * @return completes when it is closed; completes exceptionally with the failure
     */
    public CompletableFuture<Void> submit(AutoCloseable resource) {
        String step = "close " + resource + " in the background";
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (failures) {
            submitted++;
        }
        ExecutorService pool = pool();
        if (pool == null) {
            run(resource, step, done);
            return done;
        }
        pending.put(done, step);
        pool.execute(() -> run(resource, step, done));
        return done;
    }

    private void run(AutoCloseable resource, String step, CompletableFuture<Void> done) {
        try {
            resource.close();
            done.complete(null);
        } catch (Exception | LinkageError | AssertionError e) {
            synchronized (failures) {
                failures.add(new StepFailure(step, e));
            }
            done.completeExceptionally(e);
        } finally {
            pending.remove(done);
        }
    }

    private synchronized ExecutorService pool() {
        if (shutDown) {
            return null;
        }
        if (executor == null) {
            AtomicInteger n = new AtomicInteger();
            executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "berth-removal-" + owner + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        }
        return executor;
    }

    /** @return how many removals are still running or queued */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * What the removals submitted since the last {@link #awaitAll} came to.
     *
     * @param attempted how many were submitted
     * @param failures the ones that failed
     */
    public record Outcome(int attempted, List<StepFailure> failures) { }

    /**
     * Waits for every removal submitted so far and hands back what they came to since the last call.
     *
     * @param timeout how long to wait in total; removals still running then are reported as failures
     * @return how many were attempted and which failed
     */
    public Outcome awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<CompletableFuture<Void>, String> e : new ArrayList<>(pending.entrySet())) {
            try {
                e.getKey().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                synchronized (failures) {
                    failures.add(new StepFailure(e.getValue(), new TimeoutException(
                            "still running after " + timeout.toSeconds() + "s; the engine may be overloaded")));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception failed) {
                // recorded by run()
            }
        }
        synchronized (failures) {
            Outcome out = new Outcome(submitted, List.copyOf(failures));
            failures.clear();
            submitted = 0;
            return out;
        }
    }

    /** Stops accepting background work (later submissions run inline) and releases the threads. */
    public synchronized void shutdown() {
        shutDown = true;
        if (executor != null) {
            executor.shutdown();
        }
    }
}
