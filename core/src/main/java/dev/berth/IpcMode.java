package dev.berth;

import java.util.Objects;

/**
 * IPC namespace mode of a container (System V IPC, POSIX message queues, {@code /dev/shm}) ({@code --ipc}, Engine API {@code HostConfig.IpcMode}). Immutable.
 */
public final class IpcMode {
    private final String mode;
    private final ContainerRef target;

    private IpcMode(String mode, ContainerRef target) {
        this.mode = mode;
        this.target = target;
    }

    /** @return an own IPC namespace others cannot join (engine keyword {@code private}) */
    public static IpcMode isolated() {
        return new IpcMode("private", null);
    }

    /** @return an own IPC namespace other containers may join with {@link #container(RunningContainer)} */
    public static IpcMode shareable() {
        return new IpcMode("shareable", null);
    }

    /** @return no {@code /dev/shm} mount at all (engine keyword {@code none}) */
    public static IpcMode none() {
        return new IpcMode("none", null);
    }

    /** @return the host's IPC namespace */
    public static IpcMode host() {
        return new IpcMode("host", null);
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static IpcMode container(RunningContainer other) {
        return new IpcMode("container", ContainerRef.of(other));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static IpcMode container(String specName) {
        return new IpcMode("container", ContainerRef.named(specName));
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
        return o instanceof IpcMode m && mode.equals(m.mode) && Objects.equals(target, m.target);
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
