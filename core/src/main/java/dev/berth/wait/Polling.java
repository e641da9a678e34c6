package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.ContainerState;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;
import org.awaitility.pollinterval.PollInterval;

/**
 * Polls a readiness check with Awaitility: first after 10 ms, doubling up to 100 ms. Before each
 * check the container must still run; if it exited, the wait fails at once. Also renders the wait
 * failure messages.
 */
final class Polling {
    static final Duration FIRST = Duration.ofMillis(10);
    static final Duration MAX = Duration.ofMillis(100);

    private Polling() {
    }

    static PollInterval interval() {
        return IterativePollInterval.iterative(d -> d.multipliedBy(2).compareTo(MAX) > 0 ? MAX : d.multipliedBy(2),
                FIRST);
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
        try {
            Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(interval())
                    .atMost(timeout.isZero() ? Duration.ofMillis(1) : timeout)
                    .until(() -> {
                        requireRunning(container, what);
                        try {
                            return check.call();
                        } catch (Exception e) {
                            // the container may have exited between the state check and the probe
                            requireRunning(container, what);
                            throw e;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            String seen = lastSeen.get();
            throw timedOut(seen == null ? what : what + " (last seen: " + seen + ")", timeout);
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
        return new BerthException("the container exited (status " + state.status() + ", exit code "
                + state.exitCode() + (state.oomKilled() ? ", OOM-killed" : "") + ") while waiting for " + what);
    }

    static BerthException timedOut(String what, Duration timeout) {
        return new BerthException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                + "; raise the startup timeout with withStartupTimeout(…) or check the wait strategy");
    }
}
