package dev.berth.engine;

import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How long Berth waits for an engine, per kind of call. Read from system properties (first) or
 * environment variables:
 * <ul>
 *   <li>{@code berth.engine.ping-timeout} / {@code BERTH_ENGINE_PING_TIMEOUT} (default {@code 2s}): connecting
 *       and the ping of each discovered location; a location that does not answer in time is skipped.</li>
 *   <li>{@code berth.engine.call-timeout} / {@code BERTH_ENGINE_CALL_TIMEOUT} (default {@code 30s}): every quick
 *       call (inspect, create, start, remove, list, …) from request to the end of its answer; a stop or
 *       restart gets its grace period on top. Streams (log follow, exec, attach, events, wait) get it until
 *       the engine starts answering, then run as long as their caller lets them.</li>
 *   <li>{@code berth.engine.long-call-timeout} / {@code BERTH_ENGINE_LONG_CALL_TIMEOUT} (default {@code 10m}):
 *       calls that move images or file trees (pull, push, build, load, save, commit, copy in/out, export).</li>
 * </ul>
 * A caller's own budget (a container's startup timeout, an exec's timeout) shortens these, never
 * lengthens them.
 *
 * @param ping connect and ping timeout
 * @param call quick call timeout
 * @param longCall timeout of calls that move images or file trees
 */
public record EngineTimeouts(Duration ping, Duration call, Duration longCall) {
    /** Property of the ping timeout. */
    public static final String PING_PROPERTY = "berth.engine.ping-timeout";
    /** Property of the quick call timeout. */
    public static final String CALL_PROPERTY = "berth.engine.call-timeout";
    /** Property of the long call timeout. */
    public static final String LONG_CALL_PROPERTY = "berth.engine.long-call-timeout";

    /** Validates that each timeout is positive. */
    public EngineTimeouts {
        positive(PING_PROPERTY, ping);
        positive(CALL_PROPERTY, call);
        positive(LONG_CALL_PROPERTY, longCall);
    }

    /** @return 2 s ping, 30 s quick calls, 10 min long calls */
    public static EngineTimeouts defaults() {
        return new EngineTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /**
     * @param properties system properties (win over the environment)
     * @param env the environment
     * @return the timeouts, defaults where nothing is set
     * @throws InvalidSpecException for a value that is not a positive duration such as {@code "30s"}
     */
    public static EngineTimeouts from(Properties properties, Map<String, String> env) {
        EngineTimeouts d = defaults();
        return new EngineTimeouts(
                read(properties, env, PING_PROPERTY, "BERTH_ENGINE_PING_TIMEOUT", d.ping()),
                read(properties, env, CALL_PROPERTY, "BERTH_ENGINE_CALL_TIMEOUT", d.call()),
                read(properties, env, LONG_CALL_PROPERTY, "BERTH_ENGINE_LONG_CALL_TIMEOUT", d.longCall()));
    }

    /** @return the timeouts of this JVM's system properties and environment */
    public static EngineTimeouts fromSystem() {
        return from(System.getProperties(), System.getenv());
    }

    /**
     * @param timeout the connect and ping timeout
     * @return a copy with it
     */
    public EngineTimeouts withPing(Duration timeout) {
        return new EngineTimeouts(timeout, call, longCall);
    }

    /**
     * @param timeout the quick call timeout
     * @return a copy with it
     */
    public EngineTimeouts withCall(Duration timeout) {
        return new EngineTimeouts(ping, timeout, longCall);
    }

    /**
     * @param timeout the long call timeout
     * @return a copy with it
     */
    public EngineTimeouts withLongCall(Duration timeout) {
        return new EngineTimeouts(ping, call, timeout);
    }

    private static Duration read(Properties p, Map<String, String> env, String property, String variable,
                                 Duration fallback) {
        String v = p.getProperty(property);
        String name = property;
        if (v == null || v.isBlank()) {
            v = env.get(variable);
            name = variable;
        }
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Duration d = Durations.parse(name, v);
        positive(name, d);
        return d;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidSpecException(name, Durations.format(d), "a positive duration", "\"30s\"");
        }
    }
}
