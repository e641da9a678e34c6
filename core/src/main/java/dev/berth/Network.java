package dev.berth;

/** A user-defined network owned by a Berth session. Closing it removes it; closing twice is harmless. */
public interface Network extends AutoCloseable {
    /** @return the engine's network id */
    String id();

    /** @return the engine name, to pass to {@link ContainerSpec#withNetwork(String, String...)} */
    String name();

    /** @return the spec it was created from */
    NetworkSpec spec();

    /**
     * Connects a running container to this network.
     *
     * @param container the container
     * @param aliases names other containers on this network reach it by
     */
    void connect(RunningContainer container, String... aliases);

    /**
     * Disconnects a container from this network.
     *
     * @param container the container
     */
    void disconnect(RunningContainer container);

    /** Removes the network. Idempotent. */
    @Override
    void close();
}
