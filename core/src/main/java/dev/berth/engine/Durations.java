package dev.berth.engine;

import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations the way the docker CLI writes them: {@code "90s"}, {@code "30m"}, {@code "1h"}, {@code "2d"}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @param option the setting's name, for the error
     * @param text e.g. {@code "90s"}
     * @return the duration
     * @throws InvalidSpecException if it is not a whole number with ms, s, m, h or d
     */
    public static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSpecException(option, String.valueOf(text), "a whole number with ms, s, m, h or d", "\"1h\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * @param option the setting's name, for the error
     * @param text e.g. {@code "90s"}
     * @return the duration, above zero
     * @throws InvalidSpecException if it is not a whole number above zero with ms, s, m, h or d
     */
    public static Duration parsePositive(String option, String text) {
        Duration d = parse(option, text);
        if (d.isZero()) {
            throw new InvalidSpecException(option, String.valueOf(text), "a whole number above zero with ms, s, m, h"
                    + " or d", "\"90s\"");
        }
        return d;
    }

    /** @return e.g. {@code "1h"}, {@code "1h2m5s"}, {@code "0s"}; whole seconds, or milliseconds below one second */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0 && !d.isZero()) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                out.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }
}
