package dev.berth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PID namespace mode of a container ({@code --pid}, Engine API {@code HostConfig.PidMode}). Build it with the static factories.
 *
 * @param mode the engine's keyword, or {@code container} when joining another container
 * @param target the container joined, present exactly when the mode is {@code container}, else empty
 */
public record PidMode(String mode, Optional<ContainerRef> target) {
    private static final Set<String> MODES = Set.of("host", "container");

    /**
     * Validates.
     * @param mode the engine's keyword, or {@code container} when joining another container
     * @param target the container joined, present exactly when the mode is {@code container}, else empty
     */
    public PidMode {
        Objects.requireNonNull(target, "target (empty for no container)");
        if (!MODES.contains(mode) || ("container".equals(mode) != target.isPresent())) {
            throw new InvalidSpecException("pid mode", mode + target.map(t -> ":" + t.describe()).orElse(""),
                    "one of " + MODES.stream().sorted().toList() + ", with a container reference for container",
                    "PidMode.container(\"db\")");
        }
    }

    /** @return the host's PID namespace: the container sees every host process */
    public static PidMode host() {
        return new PidMode("host", Optional.empty());
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static PidMode container(RunningContainer other) {
        return new PidMode("container", Optional.of(ContainerRef.of(other)));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static PidMode container(String specName) {
        return new PidMode("container", Optional.of(ContainerRef.named(specName)));
    }

    @Override
    public String toString() {
        return target.map(Object::toString).orElse(mode);
    }
}
