package dev.berth;

import java.util.Objects;
import java.util.Set;

/**
 * Network namespace mode of a container ({@code --network}, Engine API {@code HostConfig.NetworkMode}). Build it with the static factories.
 *
 * @param mode the engine's keyword, or {@code container} when joining another container
 * @param target the container joined, present exactly when the mode is {@code container}
 */
public record NetworkMode(String mode, ContainerRef target) {
    private static final Set<String> MODES = Set.of("bridge", "none", "host", "container");

    /**
     * Validates.
     * @param mode the engine's keyword, or {@code container} when joining another container
     * @param target the container joined, present exactly when the mode is {@code container}
     */
    public NetworkMode {
        if (!MODES.contains(mode) || ("container".equals(mode) != (target != null))) {
            throw new InvalidSpecException("network mode", mode + (target == null ? "" : ":" + target.describe()),
                    "one of " + MODES.stream().sorted().toList() + ", with a container reference for container",
                    "NetworkMode.container(\"db\")");
        }
    }

    /** @return the default bridge network, own network namespace */
    public static NetworkMode bridge() {
        return new NetworkMode("bridge", null);
    }

    /** @return an own network namespace with only the loopback interface */
    public static NetworkMode none() {
        return new NetworkMode("none", null);
    }

    /** @return the host's network namespace */
    public static NetworkMode host() {
        return new NetworkMode("host", null);
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static NetworkMode container(RunningContainer other) {
        return new NetworkMode("container", ContainerRef.of(other));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static NetworkMode container(String specName) {
        return new NetworkMode("container", ContainerRef.named(specName));
    }

    @Override
    public String toString() {
        return Objects.toString(target, mode);
    }
}
