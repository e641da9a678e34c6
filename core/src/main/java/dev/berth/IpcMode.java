package dev.berth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * IPC namespace mode of a container (System V IPC, POSIX message queues, {@code /dev/shm}) ({@code --ipc}, Engine API {@code HostConfig.IpcMode}). Build it with the static factories.
 *
 * @param mode the engine's keyword, or {@code container} when joining another container
 * @param target the container joined, present exactly when the mode is {@code container}, else empty
 */
public record IpcMode(String mode, Optional<ContainerRef> target) {
    private static final Set<String> MODES = Set.of("private", "shareable", "none", "host", "container");

    /**
     * Validates.
     * @param mode the engine's keyword, or {@code container} when joining another container
     * @param target the container joined, present exactly when the mode is {@code container}, else empty
     */
    public IpcMode {
        Objects.requireNonNull(target, "target (empty for no container)");
        if (!MODES.contains(mode) || ("container".equals(mode) != target.isPresent())) {
            throw new InvalidSpecException("ipc mode", mode + target.map(t -> ":" + t.describe()).orElse(""),
                    "one of " + MODES.stream().sorted().toList() + ", with a container reference for container",
                    "IpcMode.container(\"db\")");
        }
    }

    /** @return an own IPC namespace others cannot join (engine keyword {@code private}) */
    public static IpcMode isolated() {
        return new IpcMode("private", Optional.empty());
    }

    /** @return an own IPC namespace other containers may join with {@link #container(RunningContainer)} */
    public static IpcMode shareable() {
        return new IpcMode("shareable", Optional.empty());
    }

    /** @return no {@code /dev/shm} mount at all (engine keyword {@code none}) */
    public static IpcMode none() {
        return new IpcMode("none", Optional.empty());
    }

    /** @return the host's IPC namespace */
    public static IpcMode host() {
        return new IpcMode("host", Optional.empty());
    }

    /**
     * @param other a container started by the same session
     * @return join {@code other}'s namespace ({@code container:<other>})
     */
    public static IpcMode container(RunningContainer other) {
        return new IpcMode("container", Optional.of(ContainerRef.of(other)));
    }

    /**
     * @param specName the logical name of a spec started in the same session
     * @return join that container's namespace ({@code container:<name>})
     */
    public static IpcMode container(String specName) {
        return new IpcMode("container", Optional.of(ContainerRef.named(specName)));
    }

    @Override
    public String toString() {
        return target.map(Object::toString).orElse(mode);
    }
}
