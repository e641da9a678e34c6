package dev.berth.report;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.engine.EngineErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs engine calls concurrently on a small pool of daemon threads, each bounded by its own timeout
 * and by one overall deadline. A call that fails or does not answer in time yields null and is named
 * in {@link #notCollected()}. Threads stuck in a dead connection are abandoned (they are daemons and
 * end when the connection does).
 */
final class BoundedCalls implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final LongSupplier nanoClock;
    private final long deadline;
    private final long budgetMillis;
    private final List<String> notCollected = Collections.synchronizedList(new ArrayList<>());

    /** A submitted call. */
    static final class Pending<T> {
        final String what;
        final Future<T> future;
        final long due;
        final long timeoutMillis;
        volatile Throwable failure;

        private Pending(String what, Future<T> future, long due, long timeoutMillis) {
            this.what = what;
            this.future = future;
            this.due = due;
            this.timeoutMillis = timeoutMillis;
        }
    }

    /**
     * @param threads pool size
     * @param budget the most time all calls together may take, from now
     * @param nanoClock {@code System::nanoTime} outside tests
     */
    BoundedCalls(int threads, Duration budget, LongSupplier nanoClock) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "berth-report-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + budget.toNanos();
        this.budgetMillis = budget.toMillis();
    }

    /**
     * @param what what the call collects, e.g. {@code "stats of db"}
     * @param timeout its own timeout, counted from now
     * @param call the engine call
     * @return the pending call
     */
    <T> Pending<T> submit(String what, Duration timeout, Callable<T> call) {
        long due = Math.min(deadline, nanoClock.getAsLong() + timeout.toNanos());
        return new Pending<>(what, pool.submit(call), due, timeout.toMillis());
    }

    /**
     * @param p a pending call
     * @return its result, or null (and the call named in {@link #notCollected()}) if it failed or timed out
     */
    <T> T get(Pending<T> p) {
        return await(p, true);
    }

    /**
     * @param p a pending call whose failure does not matter (e.g. stats of a container that stopped)
     * @return its result, or null
     */
    <T> T getQuietly(Pending<T> p) {
        return await(p, false);
    }

    private <T> T await(Pending<T> p, boolean record) {
        long wait = p.due - nanoClock.getAsLong();
        try {
            return wait <= 0 && !p.future.isDone() ? timedOut(p, record) : p.future.get(Math.max(0, wait),
                    TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return timedOut(p, record);
        } catch (ExecutionException e) {
            p.failure = e.getCause();
            p.future.cancel(true);
            if (record) {
                notCollected.add(p.what + " (" + describe(e.getCause()) + ")");
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.future.cancel(true);
            if (record) {
                notCollected.add(p.what + " (interrupted)");
            }
            return null;
        }
    }

    private <T> T timedOut(Pending<T> p, boolean record) {
        p.future.cancel(true);
        if (record) {
            boolean ownTimeout = p.due < deadline;
            notCollected.add(p.what + (ownTimeout ? " (timed out after " + p.timeoutMillis + " ms)"
                    : " (timed out: the collection's " + budgetMillis + " ms budget was used up)"));
        }
        return null;
    }

    static String describe(Throwable t) {
        Throwable root = root(t);
        if (root instanceof NotFoundException) {
            return "not found: " + firstLine(EngineErrors.message(root));
        }
        String message = firstLine(root.getMessage());
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().lines().findFirst().orElse("");
        line = line.replaceFirst("^Status \\d+: ", "").replaceFirst("^\\{\"message\":\"(.*)\"}$", "$1");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** @return the calls that failed or timed out, each with its reason, in the order they were awaited */
    List<String> notCollected() {
        synchronized (notCollected) {
            return List.copyOf(notCollected);
        }
    }

    /** Abandons whatever still runs. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
