package dev.berth.cleanup;

import dev.berth.engine.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The automatic sweep's settings, from system properties (first) or environment variables:
 * {@code berth.sweep} / {@code BERTH_SWEEP} ({@code false} turns it off) and
 * {@code berth.sweep.max-age} / {@code BERTH_SWEEP_MAX_AGE} (default {@code 1h}): the age after which
 * a session whose process cannot be checked (remote engine, another host) counts as dead.
 *
 * @param enabled whether engines sweep on connect
 * @param maxAge the age rule's threshold
 */
public record SweepSettings(boolean enabled, Duration maxAge) {
    /**
     * @param properties system properties
     * @param env the environment
     * @return the settings
     * @throws dev.berth.InvalidSpecException for a value that is neither true nor false, or a bad duration
     */
    public static SweepSettings from(Properties properties, Map<String, String> env) {
        String enabled = pick(properties, "berth.sweep", env, "BERTH_SWEEP");
        String age = pick(properties, "berth.sweep.max-age", env, "BERTH_SWEEP_MAX_AGE");
        boolean on = true;
        if (enabled != null) {
            String v = enabled.trim().toLowerCase(java.util.Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new dev.berth.InvalidSpecException("berth.sweep / BERTH_SWEEP", enabled, "true or false", "false");
            }
            on = v.equals("true");
        }
        Duration maxAge = age == null ? SweepPolicy.DEFAULT_MAX_AGE : Durations.parse("berth.sweep.max-age / BERTH_SWEEP_MAX_AGE", age);
        return new SweepSettings(on, maxAge);
    }

    /** @return the settings of this JVM */
    public static SweepSettings fromSystem() {
        return from(System.getProperties(), System.getenv());
    }

    private static String pick(Properties p, String property, Map<String, String> env, String variable) {
        String v = p.getProperty(property);
        if (v == null || v.isBlank()) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
