package dev.berth;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a container is stopped at teardown: killed at once (the default, for test data nobody
 * keeps), or gracefully (SIGTERM — or the signal set with {@link #withSignal(String)} — then SIGKILL after a
 * grace period).
 *
 * <p>A PID 1 without a SIGTERM handler ignores SIGTERM inside its PID namespace, so a graceful
 * stop of such an image costs the full grace period; run it with an init process
 * ({@code Namespaces.withInit()}) or keep the kill policy.
 *
 * @param graceful whether the stop signal is sent first
 * @param grace how long to wait after the stop signal before SIGKILL
 * @param signal the signal a graceful stop sends first, e.g. {@code SIGTERM} (Docker's default), {@code SIGQUIT}
 *     (nginx's graceful shutdown) or {@code SIGINT} (PostgreSQL's fast shutdown); set on the container as its
 *     stop signal, so {@code docker stop} uses it too
 */
public record StopPolicy(boolean graceful, Duration grace, String signal) {
    private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9+-]+|[0-9]{1,2}");

    /**
     * Validates.
     * @param graceful whether the stop signal is sent first
     * @param grace how long to wait after the stop signal before SIGKILL
     * @param signal the stop signal, e.g. {@code SIGTERM} ({@code TERM} and {@code term} read the same)
     */
    public StopPolicy {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new InvalidSpecException("stop grace period", grace.toString(), "zero or a positive duration",
                    "StopPolicy.graceful(Duration.ofSeconds(10))");
        }
        String upper = Objects.requireNonNull(signal, "signal").toUpperCase(Locale.ROOT);
        signal = upper.matches("[A-Z][A-Z0-9+-]*") && !upper.startsWith("SIG") ? "SIG" + upper : upper;
        if (!SIGNAL.matcher(signal).matches()) {
            throw new InvalidSpecException("stop signal", signal, "a signal name such as SIGTERM, SIGINT, SIGQUIT or"
                    + " SIGUSR1, or its number", "StopPolicy.graceful(Duration.ofSeconds(10)).withSignal(\"SIGQUIT\")");
        }
    }

    /**
     * A stop policy sending SIGTERM first when graceful.
     * @param graceful whether SIGTERM is sent first
     * @param grace how long to wait after SIGTERM before SIGKILL
     */
    public StopPolicy(boolean graceful, Duration grace) {
        this(graceful, grace, "SIGTERM");
    }

    /** @return kill at once (SIGKILL), then remove */
    public static StopPolicy kill() {
        return new StopPolicy(false, Duration.ZERO);
    }

    /**
     * @param grace time between SIGTERM and SIGKILL
     * @return a graceful stop
     */
    public static StopPolicy graceful(Duration grace) {
        return new StopPolicy(true, grace);
    }

    /**
     * @param stopSignal the signal a graceful stop sends first, e.g. {@code "SIGQUIT"}; SIGKILL follows after the
     *     grace period
     * @return the changed copy
     */
    public StopPolicy withSignal(String stopSignal) {
        return new StopPolicy(graceful, grace, stopSignal);
    }
}
