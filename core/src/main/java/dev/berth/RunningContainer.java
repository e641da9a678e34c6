package dev.berth;

/**
 * A started container owned by a Berth session. Closing it stops and removes it (with its
 * anonymous volumes) according to its spec's {@link StopPolicy}; closing twice is harmless.
 */
public interface RunningContainer extends AutoCloseable {
    /** @return the engine's container id */
    String id();

    /** @return the container's engine name */
    String name();

    /** @return the spec it was started from */
    ContainerSpec spec();

    /** @return the host to connect to for published ports: 127.0.0.1 for a local engine */
    String host();

    /**
     * @param containerPort an exposed container port
     * @return the host port it is published on
     * @throws InvalidSpecException if the port was not exposed
     */
    int mappedPort(int containerPort);

    /** Stops (per the stop policy) and removes the container with its anonymous volumes. Idempotent. */
    @Override
    void close();
}
