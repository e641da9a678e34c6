package dev.berth;

import dev.berth.engine.Durations;
import java.time.Duration;

/**
 * Berth's one parser for durations and sizes, for callers outside core (e.g. the {@code berth} command's options):
 * durations as {@code "90s"}, {@code "30m"}, {@code "1h"}, {@code "2d"}; sizes as the docker CLI writes them,
 * {@code "512m"}, {@code "1g"}, {@code "1.5g"} (binary units).
 */
public final class Quantities {
    private Quantities() {
    }

    /**
     * @param option the option's name, for the error
     * @param text e.g. {@code "1h"}
     * @return the duration
     * @throws InvalidSpecException {@code Invalid <option>: <text>. Allowed: … Example: "1h"}
     */
    public static Duration duration(String option, String text) {
        return Durations.parse(option, text);
    }

    /**
     * @param duration a duration
     * @return it as {@link #duration} reads it back, e.g. {@code "1h2m5s"}
     */
    public static String format(Duration duration) {
        return Durations.format(duration);
    }

    /**
     * @param option the option's name, for the error
     * @param text e.g. {@code "10g"}
     * @return the size in bytes, positive
     * @throws InvalidSpecException {@code Invalid <option>: <text>. Allowed: … Example: "10g"}
     */
    public static long bytes(String option, String text) {
        return Units.bytes(option, text, "\"10g\"");
    }
}
