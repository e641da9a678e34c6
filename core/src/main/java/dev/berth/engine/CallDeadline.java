package dev.berth.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * A caller's own budget for the engine calls its thread makes, such as a container's startup timeout:
 * while it is open, every call this thread makes through a client of {@link DockerClients} ends by the
 * deadline (the earlier of this and the call's own timeout). Nested budgets keep the earlier deadline.
 * Calls that docker-java streams on its own threads are not covered; their callers await them with
 * {@link #remaining()}.
 *
 * <pre>{@code
 * try (CallDeadline d = CallDeadline.open(spec.startupTimeout(), "the startup timeout of db (10000 ms)")) {
 *     ... engine calls ...
 * }
 * }</pre>
 */
public final class CallDeadline implements AutoCloseable {
    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final String what;
    private final CallDeadline outer;

    private CallDeadline(long deadlineNanos, String what, CallDeadline outer) {
        this.deadlineNanos = deadlineNanos;
        this.what = what;
        this.outer = outer;
    }

    /**
     * @param budget how long the calls may take together, from now
     * @param what what the budget is, for errors: "no answer within " + what, e.g.
     *     {@code "the startup timeout of db (10000 ms)"}
     * @return the open budget; close it on the same thread
     */
    public static CallDeadline open(Duration budget, String what) {
        return until(System.nanoTime() + budget.toNanos(), what);
    }

    /**
     * @param deadlineNanos when the calls must have ended, on the {@link System#nanoTime()} clock
     * @param what what the budget is, for errors
     * @return the open budget; close it on the same thread
     */
    public static CallDeadline until(long deadlineNanos, String what) {
        CallDeadline outer = CURRENT.get();
        CallDeadline d = outer != null && outer.deadlineNanos - deadlineNanos <= 0
                ? new CallDeadline(outer.deadlineNanos, outer.what, outer)
                : new CallDeadline(deadlineNanos, what, outer);
        CURRENT.set(d);
        return d;
    }

    /** @return the innermost open budget of this thread */
    static Optional<CallDeadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the time left of this thread's budget, never negative; empty outside a budget */
    public static Optional<Duration> remaining() {
        return current().map(d -> Duration.ofNanos(Math.max(0, d.deadlineNanos - System.nanoTime())));
    }

    /** @return the budget of this thread, described for an error: e.g. "the startup timeout of db (10000 ms)" */
    public static Optional<String> describe() {
        return current().map(CallDeadline::description);
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    String description() {
        return what;
    }

    /**
     * The cause of an {@link dev.berth.EngineUnavailableException} thrown because the caller's budget ran out
     * (not the engine's own call timeout): the engine may only be slow, so it can still be asked to clean up.
     */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(String what) {
            super("the caller's budget ran out: " + what);
        }

        /**
         * @param failure a failure
         * @return whether a caller's budget, rather than an engine bound, ended it
         */
        public static boolean in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof Exceeded) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
