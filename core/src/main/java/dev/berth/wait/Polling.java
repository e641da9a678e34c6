package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.ContainerLogs;
import dev.berth.ContainerState;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;
import org.awaitility.pollinterval.PollInterval;

/**
 * Polls a readiness check with Awaitility: at once, then after 5 ms, growing by half up to 50 ms.
 * The container must still run: the end of its captured log stream says when it stopped, so a wait
 * asks the engine for the container's state only then (and at most once a second otherwise, in
 * case the stream is not attached) — not once per probe, and not before the first probe while the
 * stream runs. If it exited, the wait fails at once.
 * Also renders the wait failure messages.
 */
final class Polling {
    static final Duration FIRST = Duration.ofMillis(5);
    static final Duration MAX = Duration.ofMillis(50);
    private static final long STATE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private Polling() {
    }

    static PollInterval interval() {
        return IterativePollInterval.iterative(d -> {
            Duration next = d.plus(d.dividedBy(2));
            return next.compareTo(MAX) > 0 ? MAX : next;
        }, FIRST);
    }

    /**
     * @param container the container being waited for
     * @param timeout the most time to wait
     * @param what what is awaited, e.g. {@code "port 6379 to accept connections"}
     * @param check true once ready
     */
    static void until(RunningContainer container, Duration timeout, String what, Callable<Boolean> check) {
        until(container, timeout, what, check, () -> null);
    }

    /**
     * Like {@link #until(RunningContainer, Duration, String, Callable)}; a timeout also reports the
     * last observation (e.g. the last HTTP status or connection error), when there is one.
     */
    static void until(RunningContainer container, Duration timeout, String what, Callable<Boolean> check,
                      java.util.function.Supplier<String> lastSeen) {
        checkTimeout(timeout);
        StopWatch stop = new StopWatch(container);
        try (stop) {
            if (stop.ended()) { // no stream to watch, or it already ended: ask the engine before the first probe
                requireRunning(container, what);
            }
            Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(interval())
                    .atMost(timeout.isZero() ? Duration.ofMillis(1) : timeout)
                    .until(() -> {
                        if (stop.mayHaveStopped()) {
                            requireRunning(container, what);
                        }
                        try {
                            return check.call();
                        } catch (Exception e) {
                            // the container may have exited before its stream's end was seen: the state says
                            requireRunning(container, what);
                            throw e;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            String seen = lastSeen.get();
            throw timedOut(seen == null ? what : what + " (last seen: " + seen + ")", timeout);
        }
    }

    /** Watches the end of a container's log stream, the cheap sign that it stopped. */
    private static final class StopWatch implements AutoCloseable {
        private final AtomicBoolean ended = new AtomicBoolean();
        private final ContainerLogs.Subscription subscription;
        private long lastCheck = System.nanoTime();

        StopWatch(RunningContainer container) {
            ContainerLogs logs = container.logs();
            subscription = logs == null ? null : logs.subscribe(new ContainerLogs.Listener() {
                @Override
                public void onLine(String line) {
                    // only the end of the stream matters here
                }

                @Override
                public void onEnd() {
                    ended.set(true);
                }
            });
            if (subscription == null) {
                ended.set(true);
            }
        }

        /** @return true when the log stream ended (or none is captured) */
        boolean ended() {
            return ended.get();
        }

        /** @return true when the engine should be asked whether the container still runs */
        boolean mayHaveStopped() {
            long now = System.nanoTime();
            if (ended.get() || now - lastCheck > STATE_CHECK_NANOS) {
                lastCheck = now;
                return true;
            }
            return false;
        }

        @Override
        public void close() {
            if (subscription != null) {
                subscription.close();
            }
        }
    }

    static void checkTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidSpecException("wait timeout", String.valueOf(timeout), "zero or a positive duration",
                    "Duration.ofSeconds(60)");
        }
    }

    /** Throws if the container no longer runs. */
    static void requireRunning(RunningContainer container, String what) {
        ContainerState state = container.state();
        if (!state.running()) {
            throw exited(state, what);
        }
    }

    static BerthException exited(ContainerState state, String what) {
        return new BerthException("the container exited (" + state.summary() + ") while waiting for " + what);
    }

    static BerthException timedOut(String what, Duration timeout) {
        return new BerthException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                + "; raise the startup timeout with withStartupTimeout(…) or check the wait strategy");
    }
}
