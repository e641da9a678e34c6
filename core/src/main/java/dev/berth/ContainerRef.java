package dev.berth;

import java.util.Optional;
import java.util.Objects;

/**
 * Another Berth container a namespace option joins ({@code container:<other>}): a handle to a running container,
 * or the logical name of a spec started in the same session. Never a raw engine id, so the reference can be
 * checked to belong to the same session before anything is created.
 */
public final class ContainerRef {
    private final RunningContainer handle;
    private final String specName;

    private ContainerRef(RunningContainer handle, String specName) {
        this.handle = handle;
        this.specName = specName;
    }

    /**
     * @param handle a container started by the same engine session
     * @return a reference to it
     */
    public static ContainerRef of(RunningContainer handle) {
        return new ContainerRef(Objects.requireNonNull(handle, "container handle"), null);
    }

    /**
     * @param specName the logical name of a spec ({@link ContainerSpec#withName}) started in the same session
     * @return a reference to it
     */
    public static ContainerRef named(String specName) {
        if (specName == null || !specName.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
            throw new InvalidSpecException("container reference", String.valueOf(specName),
                    "the logical name of a spec started in the same session, or its RunningContainer handle",
                    "IpcMode.container(\"db\")");
        }
        return new ContainerRef(null, specName);
    }

    /** @return the handle, empty when referenced by name */
    public Optional<RunningContainer> handle() {
        return Optional.ofNullable(handle);
    }

    /** @return the spec name, empty when referenced by handle */
    public Optional<String> specName() {
        return Optional.ofNullable(specName);
    }

    /** @return how the reference reads in messages: the spec name or the handle's container name */
    public String describe() {
        return handle != null ? handle.name() : specName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerRef r && Objects.equals(handle, r.handle) && Objects.equals(specName, r.specName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(handle, specName);
    }

    @Override
    public String toString() {
        return "container:" + describe();
    }
}
