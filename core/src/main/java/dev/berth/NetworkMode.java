package dev.berth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Network namespace mode of a container ({@code --network}, Engine API {@code HostConfig.NetworkMode}). Build it with the static factories.
 *
 * @param mode the engine's keyword, or {@code container} when joining another container
 * @param target the container joined, present exactly when the mode is {@code container}, else empty
 */
public record NetworkMode(String mode, Optional<ContainerRef> target) {
    private static final Set<String> MODES = Set.of("bridge", "none", "host", "container");

    /**
     * Validates.
     * @param mode the engine's keyword, or {@code container} when joining another container
     * @param target the container joined, present exactly when the mode is {@code container}, else empty
     */
    public NetworkMode {
        Objects.requireNonNull(target, "target (empty for no container)");
        if (!MODES.contains(mode) || ("container".equals(mode) != target.isPresent())) {
            throw new InvalidSpecException("network mode", mode + target.map(t -> ":" + t.describe()).orElse(""),
                    "one of " + MODES.stream().sorted().toList() + ", with a container reference for container",
                    "NetworkMode.container(\"db\")");
        }
    }

    /** @return the default bridge network, own network namespace */
    public static NetworkMode bridge() {
        return new NetworkMode("bridge", Optional.empty());
    }

    /** @return an own network namespace with only the loopback interface */
    public static NetworkMode none() {
        return new NetworkMode("none", Optional.empty());
    }

    /** @return the host's network namespace */
    public static NetworkMode host() {
        return new NetworkMode("host", Optional.empty());
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static NetworkMode container(RunningContainer other) {
        return new NetworkMode("container", Optional.of(ContainerRef.of(other)));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static NetworkMode container(String specName) {
        return new NetworkMode("container", Optional.of(ContainerRef.named(specName)));
    }

    @Override
    public String toString() {
        return target.map(Object::toString).orElse(mode);
    }
}
