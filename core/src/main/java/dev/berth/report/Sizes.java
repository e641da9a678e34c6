package dev.berth.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;

/** Formats sizes and durations the way the docker CLI does, so report rows read like its output. */
final class Sizes {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private Sizes() {
    }

    /**
     * @param bytes a size
     * @return as {@code docker history} / {@code docker images} print it: decimal units, 3 significant
     *     digits, e.g. {@code 134MB}, {@code 1.98MB}, {@code 0B}
     */
    static String human(long bytes) {
        double size = bytes;
        int i = 0;
        while (size >= 1000 && i < DECIMAL.length - 1) {
            size /= 1000;
            i++;
        }
        BigDecimal rounded = new BigDecimal(size).round(new MathContext(3));
        String digits = rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
        return digits + DECIMAL[i];
    }

    /**
     * @param bytes a size
     * @return binary units as {@code docker stats} prints them, e.g. {@code 16MiB}, {@code 1.23MiB}
     */
    static String binary(long bytes) {
        double size = bytes;
        int i = 0;
        while (size >= 1024 && i < BINARY.length - 1) {
            size /= 1024;
            i++;
        }
        if (size == Math.rint(size)) {
            return (long) size + BINARY[i];
        }
        return String.format(Locale.ROOT, "%.2f", size) + BINARY[i];
    }

    /**
     * @param nanoCpus CPUs in units of 10^-9
     * @return decimal CPUs, e.g. {@code 0.5}
     */
    static String cpus(long nanoCpus) {
        return BigDecimal.valueOf(nanoCpus, 9).stripTrailingZeros().toPlainString();
    }

    /**
     * @param d a duration
     * @return as the docker CLI prints ages ({@code go-units.HumanDuration}), e.g. {@code 4 minutes}
     */
    static String age(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /**
     * @param percent a percentage
     * @return with two decimals, e.g. {@code 0.25%}
     */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }
}
