package dev.berth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user-defined network to create: immutable, changed through {@code with…} copies.
 *
 * <pre>{@code
 * Network backend = engine.network(NetworkSpec.of("backend").withInternal(true));
 * }</pre>
 */
public final class NetworkSpec {
    private final String name;
    private final boolean internal;
    private final String driver;
    private final Map<String, String> labels;

    private NetworkSpec(String name, boolean internal, String driver, Map<String, String> labels) {
        this.name = name;
        this.internal = internal;
        this.driver = driver;
        this.labels = labels;
    }

    /**
     * @param name the declared name; the engine name gets a unique suffix so parallel runs never clash
     * @return a bridge network, not internal, without user labels
     */
    public static NetworkSpec of(String name) {
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,40}")) {
            throw new InvalidSpecException("network name", String.valueOf(name),
                    "1 to 41 letters, digits, '.', '-' or '_', starting with a letter or digit", "\"backend\"");
        }
        return new NetworkSpec(name, false, "bridge", Map.of());
    }

    /** @return the declared name */
    public String name() { return name; }
    /** @return whether the network has no route to the outside */
    public boolean internal() { return internal; }
    /** @return the network driver, {@code bridge} by default */
    public String driver() { return driver; }
    /** @return user labels (Berth adds its own at creation) */
    public Map<String, String> labels() { return labels; }

    /**
     * @param internal true to cut the network off from the outside (containers still reach each other)
     * @return the changed copy
     */
    public NetworkSpec withInternal(boolean internal) {
        return new NetworkSpec(name, internal, driver, labels);
    }

    /**
     * @param driver a network driver the engine knows, e.g. {@code "bridge"}
     * @return the changed copy
     */
    public NetworkSpec withDriver(String driver) {
        if (driver == null || !driver.matches("[a-zA-Z0-9][a-zA-Z0-9_./:-]*")) {
            throw new InvalidSpecException("network driver", String.valueOf(driver),
                    "the name of a network driver", "\"bridge\"");
        }
        return new NetworkSpec(name, internal, driver, labels);
    }

    /**
     * @param key label key, outside the reserved {@code dev.berth.} prefix
     * @param value label value
     * @return the changed copy
     */
    public NetworkSpec withLabel(String key, String value) {
        if (key == null || key.isBlank() || key.startsWith("dev.berth.")) {
            throw new InvalidSpecException("network label", String.valueOf(key),
                    "a non-empty key outside the reserved dev.berth. prefix", "\"com.example.team\"");
        }
        Objects.requireNonNull(value, "value of label " + key);
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return new NetworkSpec(name, internal, driver, Collections.unmodifiableMap(copy));
    }

    /** @return true for a NetworkSpec with the same values */
    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkSpec o
                && Objects.equals(name, o.name) && Objects.equals(internal, o.internal)
                && Objects.equals(driver, o.driver)
                && Objects.equals(labels, o.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, internal, driver, labels);
    }

    @Override
    public String toString() {
        return "NetworkSpec[" + name + " " + driver + (internal ? " internal" : "") + "]";
    }
}
