package dev.berth;

/** A user-defined network owned by a Berth session. Closing it removes it; closing twice is harmless. */
public interface Network extends AutoCloseable {
    /** @return the engine's network id */
    String id();

    /** @return the engine name, to pass to {@link ContainerSpec#withNetwork(String, String...)} */
    String name();

    /** Removes the network. Idempotent. */
    @Override
    void close();
}
