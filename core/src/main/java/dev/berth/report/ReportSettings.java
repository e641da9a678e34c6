package dev.berth.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How failure reports are collected and written: an immutable value changed through {@code with…}
 * copies. {@link #defaults()} gives the documented defaults; {@link #fromProperties(Properties)} reads
 * the {@code berth.reports.*} system properties on top of them.
 *
 * <table>
 *   <caption>System properties</caption>
 *   <tr><th>property</th><th>default</th></tr>
 *   <tr><td>{@code berth.reports.enabled}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code berth.reports.dir}</td><td>{@code target/berth-reports}</td></tr>
 *   <tr><td>{@code berth.reports.logLines}</td><td>{@code 200}</td></tr>
 *   <tr><td>{@code berth.reports.stats}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code berth.reports.always}</td><td>{@code false} (also report passing tests)</td></tr>
 *   <tr><td>{@code berth.reports.mask}</td><td>{@code PASSWORD,SECRET,TOKEN,KEY,CREDENTIAL}</td></tr>
 *   <tr><td>{@code berth.reports.timeout}</td><td>{@code 2s} (the whole collection)</td></tr>
 * </table>
 */
public final class ReportSettings {
    /** The env-name fragments masked by default (case-insensitive). */
    public static final List<String> DEFAULT_MASK = List.of("PASSWORD", "SECRET", "TOKEN", "KEY", "CREDENTIAL");

    private final boolean enabled;
    private final Path directory;
    private final int logLines;
    private final boolean includeStats;
    private final boolean always;
    private final List<String> maskPatterns;
    private final Duration timeout;

    private ReportSettings(boolean enabled, Path directory, int logLines, boolean includeStats, boolean always,
                           List<String> maskPatterns, Duration timeout) {
        this.enabled = enabled;
        this.directory = directory;
        this.logLines = logLines;
        this.includeStats = includeStats;
        this.always = always;
        this.maskPatterns = List.copyOf(maskPatterns);
        this.timeout = timeout;
    }

    /** @return reports on, {@code target/berth-reports}, 200 log lines, stats, failures only, default mask, 2 s */
    public static ReportSettings defaults() {
        return new ReportSettings(true, Path.of("target", "berth-reports"), 200, true, false, DEFAULT_MASK,
                Duration.ofSeconds(2));
    }

    /**
     * @param props usually {@code System.getProperties()}
     * @return the defaults changed by every {@code berth.reports.*} property present
     * @throws IllegalArgumentException naming the property, the bad value and what is allowed
     */
    public static ReportSettings fromProperties(Properties props) {
        ReportSettings s = defaults();
        String v;
        if ((v = props.getProperty("berth.reports.enabled")) != null) {
            s = s.withEnabled(bool("berth.reports.enabled", v));
        }
        if ((v = props.getProperty("berth.reports.dir")) != null && !v.isBlank()) {
            s = s.withDirectory(Path.of(v.trim()));
        }
        if ((v = props.getProperty("berth.reports.logLines")) != null) {
            s = s.withLogLines(integer("berth.reports.logLines", v));
        }
        if ((v = props.getProperty("berth.reports.stats")) != null) {
            s = s.withIncludeStats(bool("berth.reports.stats", v));
        }
        if ((v = props.getProperty("berth.reports.always")) != null) {
            s = s.withAlways(bool("berth.reports.always", v));
        }
        if ((v = props.getProperty("berth.reports.mask")) != null) {
            List<String> patterns = new ArrayList<>();
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    patterns.add(p.trim());
                }
            }
            s = s.withMaskPatterns(patterns);
        }
        if ((v = props.getProperty("berth.reports.timeout")) != null) {
            s = s.withTimeout(duration("berth.reports.timeout", v));
        }
        return s;
    }

    /** @return whether reports are collected at all */
    public boolean enabled() { return enabled; }
    /** @return the root directory reports are written under */
    public Path directory() { return directory; }
    /** @return how many log lines per container are kept */
    public int logLines() { return logLines; }
    /** @return whether one-shot stats are collected for running containers */
    public boolean includeStats() { return includeStats; }
    /** @return whether passing tests get reports too */
    public boolean always() { return always; }
    /** @return env-name fragments (regular expressions, case-insensitive) whose values are masked */
    public List<String> maskPatterns() { return maskPatterns; }
    /** @return the most time one whole collection may take */
    public Duration timeout() { return timeout; }

    /** @param on whether reports are collected @return the changed copy */
    public ReportSettings withEnabled(boolean on) {
        return new ReportSettings(on, directory, logLines, includeStats, always, maskPatterns, timeout);
    }

    /** @param dir the root directory @return the changed copy */
    public ReportSettings withDirectory(Path dir) {
        return new ReportSettings(enabled, Objects.requireNonNull(dir, "dir"), logLines, includeStats, always,
                maskPatterns, timeout);
    }

    /** @param lines 0 to 100000 log lines per container @return the changed copy */
    public ReportSettings withLogLines(int lines) {
        if (lines < 0 || lines > 100_000) {
            throw new IllegalArgumentException("Report log lines must be 0 to 100000, got " + lines
                    + "; e.g. -Dberth.reports.logLines=200");
        }
        return new ReportSettings(enabled, directory, lines, includeStats, always, maskPatterns, timeout);
    }

    /** @param stats whether to collect stats @return the changed copy */
    public ReportSettings withIncludeStats(boolean stats) {
        return new ReportSettings(enabled, directory, logLines, stats, always, maskPatterns, timeout);
    }

    /** @param alwaysReport whether passing tests get reports too @return the changed copy */
    public ReportSettings withAlways(boolean alwaysReport) {
        return new ReportSettings(enabled, directory, logLines, includeStats, alwaysReport, maskPatterns, timeout);
    }

    /** @param patterns env-name fragments whose values are masked @return the changed copy */
    public ReportSettings withMaskPatterns(List<String> patterns) {
        SecretMasker.compile(patterns); // validates
        return new ReportSettings(enabled, directory, logLines, includeStats, always, patterns, timeout);
    }

    /** @param budget 100 ms to 60 s for one whole collection @return the changed copy */
    public ReportSettings withTimeout(Duration budget) {
        if (budget.compareTo(Duration.ofMillis(100)) < 0 || budget.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("Report timeout must be 100ms to 60s, got " + budget.toMillis()
                    + "ms; e.g. -Dberth.reports.timeout=2s");
        }
        return new ReportSettings(enabled, directory, logLines, includeStats, always, maskPatterns, budget);
    }

    private static boolean bool(String name, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v
                    + "'; e.g. -D" + name + "=true");
        };
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'; e.g. -D" + name + "=200");
        }
    }

    private static Duration duration(String name, String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s)").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a duration like 2s or 500ms, got '" + v
                    + "'; e.g. -D" + name + "=2s");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }

    @Override
    public String toString() {
        return "ReportSettings" + Map.of("enabled", enabled, "directory", directory, "logLines", logLines,
                "includeStats", includeStats, "always", always, "timeout", timeout);
    }
}
