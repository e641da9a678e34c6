package dev.berth;

import java.util.Objects;

/**
 * Network namespace mode of a container ({@code --network}, Engine API {@code HostConfig.NetworkMode}). Immutable.
 */
public final class NetworkMode {
    private final String mode;
    private final ContainerRef target;

    private NetworkMode(String mode, ContainerRef target) {
        this.mode = mode;
        this.target = target;
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

    /** @return the mode: {@code container} or the engine's keyword */
    public String mode() {
        return mode;
    }

    /** @return the container joined, or null unless the mode is {@code container} */
    public ContainerRef target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkMode m && mode.equals(m.mode) && Objects.equals(target, m.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, target);
    }

    @Override
    public String toString() {
        return target == null ? mode : target.toString();
    }
}
