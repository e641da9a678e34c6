package dev.berth;

import java.util.Objects;

/**
 * PID namespace mode of a container ({@code --pid}, Engine API {@code HostConfig.PidMode}). Immutable.
 */
public final class PidMode {
    private final String mode;
    private final ContainerRef target;

    private PidMode(String mode, ContainerRef target) {
        this.mode = mode;
        this.target = target;
    }

    /** @return the host's PID namespace: the container sees every host process */
    public static PidMode host() {
        return new PidMode("host", null);
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static PidMode container(RunningContainer other) {
        return new PidMode("container", ContainerRef.of(other));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static PidMode container(String specName) {
        return new PidMode("container", ContainerRef.named(specName));
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
        return o instanceof PidMode m && mode.equals(m.mode) && Objects.equals(target, m.target);
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
