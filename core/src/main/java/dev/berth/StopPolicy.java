package dev.berth;

import java.time.Duration;
import java.util.Objects;

/**
 * How a container is stopped at teardown: killed at once (the default, for test data nobody
 * keeps), or gracefully (SIGTERM, then SIGKILL after a grace period).
 *
 * <p>A PID 1 without a SIGTERM handler ignores SIGTERM inside its PID namespace, so a graceful
 * stop of such an image costs the full grace period; run it with an init process
 * ({@code Namespaces.withInit()}) or keep the kill policy.
 *
 * @param graceful whether SIGTERM is sent first
 * @param grace how long to wait after SIGTERM before SIGKILL
 */
public record StopPolicy(boolean graceful, Duration grace) {
    /**
     * Validates.
     * @param graceful whether SIGTERM is sent first
     * @param grace how long to wait after SIGTERM before SIGKILL
     */
    public StopPolicy {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new InvalidSpecException("stop grace period", grace.toString(), "zero or a positive duration",
                    "StopPolicy.graceful(Duration.ofSeconds(10))");
        }
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
}
