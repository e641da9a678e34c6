package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * A Docker healthcheck set on a container at creation, overriding the image's HEALTHCHECK.
 * Pair it with {@code Wait.forHealthcheck()}.
 *
 * @param test the test, in Docker's form: {@code ["CMD-SHELL", "cmd"]} or {@code ["CMD", "prog", "arg"]}
 * @param interval time between checks
 * @param timeout the most time one check may take
 * @param retries consecutive failures before the container is unhealthy
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, int retries) {
    /**
     * Validates and copies.
     * @param test the test, in Docker's form: {@code ["CMD-SHELL", "cmd"]} or {@code ["CMD", "prog", "arg"]}
     * @param interval time between checks
     * @param timeout the most time one check may take
     * @param retries consecutive failures before the container is unhealthy
     */
    public Healthcheck {
        test = List.copyOf(test);
        if (test.size() < 2 || !(test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL"))) {
            throw new InvalidSpecException("healthcheck test", String.valueOf(test),
                    "[\"CMD-SHELL\", command] or [\"CMD\", program, args…]", "Healthcheck.shell(\"pg_isready\")");
        }
        positive("healthcheck interval", interval);
        positive("healthcheck timeout", timeout);
        if (retries < 1) {
            throw new InvalidSpecException("healthcheck retries", retries, "1 or more", "3");
        }
    }

    /**
     * @param command a shell command; exit 0 means healthy
     * @return a check every 500 ms, 5 s timeout, 3 retries
     */
    public static Healthcheck shell(String command) {
        return new Healthcheck(List.of("CMD-SHELL", command), Duration.ofMillis(500), Duration.ofSeconds(5), 3);
    }

    /**
     * @param interval time between checks; positive
     * @return the changed copy
     */
    public Healthcheck withInterval(Duration interval) {
        return new Healthcheck(test, interval, timeout, retries);
    }

    private static void positive(String option, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new InvalidSpecException(option, String.valueOf(d), "a positive duration", "Duration.ofSeconds(1)");
        }
    }
}
