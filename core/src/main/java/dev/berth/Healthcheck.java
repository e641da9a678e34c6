package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * A Docker healthcheck set on a container at creation, overriding the image's HEALTHCHECK.
 * Pair it with {@code Wait.forHealthcheck()}.
 *
 * @param test the test, in Docker's form: {@code ["CMD-SHELL", "cmd"]} or {@code ["CMD", "prog", "arg"]}, or
 *     {@code ["NONE"]} to disable the image's own healthcheck ({@link #none()})
 * @param interval time between checks
 * @param timeout the most time one check may take
 * @param retries consecutive failures before the container is unhealthy
 * @param startPeriod time the container gets to start before failing checks count towards {@code retries}
 *     (a passing check in it makes the container healthy at once); {@link Duration#ZERO} for none
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    /**
     * Validates and copies.
     * @param test the test, in Docker's form: {@code ["CMD-SHELL", "cmd"]} or {@code ["CMD", "prog", "arg"]}
     * @param interval time between checks
     * @param timeout the most time one check may take
     * @param retries consecutive failures before the container is unhealthy
     * @param startPeriod the start period; zero for none, never negative
     */
    public Healthcheck {
        test = List.copyOf(test);
        boolean none = test.equals(List.of("NONE"));
        if (!none && (test.size() < 2 || !(test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL")))) {
            throw new InvalidSpecException("healthcheck test", String.valueOf(test),
                    "[\"CMD-SHELL\", command], [\"CMD\", program, args…] or [\"NONE\"]",
                    "Healthcheck.shell(\"pg_isready\")");
        }
        positive("healthcheck interval", interval);
        positive("healthcheck timeout", timeout);
        if (retries < 1) {
            throw new InvalidSpecException("healthcheck retries", retries, "1 or more", "3");
        }
        if (startPeriod == null || startPeriod.isNegative()) {
            throw new InvalidSpecException("healthcheck start period", String.valueOf(startPeriod),
                    "zero or a positive duration", "Duration.ofSeconds(30)");
        }
    }

    /**
     * A healthcheck without a start period.
     * @param test the test, in Docker's form: {@code ["CMD-SHELL", "cmd"]} or {@code ["CMD", "prog", "arg"]}
     * @param interval time between checks
     * @param timeout the most time one check may take
     * @param retries consecutive failures before the container is unhealthy
     */
    public Healthcheck(List<String> test, Duration interval, Duration timeout, int retries) {
        this(test, interval, timeout, retries, Duration.ZERO);
    }

    /**
     * @param command a shell command; exit 0 means healthy
     * @return a check every 500 ms, 5 s timeout, 3 retries
     */
    public static Healthcheck shell(String command) {
        return new Healthcheck(List.of("CMD-SHELL", command), Duration.ofMillis(500), Duration.ofSeconds(5), 3);
    }

    /**
     * @return Docker's {@code ["NONE"]} test: the image's own {@code HEALTHCHECK} is disabled, the container has no
     *     health status (so {@code Wait.forHealthcheck()} cannot be used with it)
     */
    public static Healthcheck none() {
        return new Healthcheck(List.of("NONE"), Duration.ofMillis(500), Duration.ofSeconds(5), 3);
    }

    /** @return whether this disables the image's healthcheck ({@link #none()}) rather than running a test */
    public boolean disabled() {
        return test.equals(List.of("NONE"));
    }

    /**
     * @param interval time between checks; positive
     * @return the changed copy
     */
    public Healthcheck withInterval(Duration interval) {
        return new Healthcheck(test, interval, timeout, retries, startPeriod);
    }

    /**
     * @param startPeriod time the container gets to start before failing checks count; zero for none
     * @return the changed copy
     */
    public Healthcheck withStartPeriod(Duration startPeriod) {
        return new Healthcheck(test, interval, timeout, retries, startPeriod);
    }

    private static void positive(String option, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new InvalidSpecException(option, String.valueOf(d), "a positive duration", "Duration.ofSeconds(1)");
        }
    }
}
