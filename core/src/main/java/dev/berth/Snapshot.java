package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * An image committed from a running container, with the content of its volumes, and the spec that
 * container was started from. Start a fresh copy with {@code engine.start(snapshot.spec())}. Closing it
 * removes the image unless it was kept; closing twice is harmless. Thread-safe.
 *
 * <p>Obtained from {@link Engine#snapshot(RunningContainer)} or {@link Engine#openSnapshot}; Berth
 * implements it, users do not.
 */
public interface Snapshot extends AutoCloseable {

    /** @return the image, {@code berth-snapshots/<name>:<12 hex digits of the image id>} */
    ImageRef image();

    /** @return the engine's image id ({@code sha256:…}) */
    String imageId();

    /** @return the spec of the container the snapshot was taken from */
    ContainerSpec sourceSpec();

    /**
     * @return the source spec on the snapshot image: same ports, env, limits, networks and aliases; its
     *     volumes start with the captured content. For a tmpfs restore ({@link #restoresIntoTmpfs()}) it
     *     also mounts a tmpfs on each volume path and starts through a copy-in step before the original
     *     entrypoint and command
     */
    ContainerSpec spec();

    /** @return true when {@link #spec()} restores the volume content into tmpfs mounts */
    boolean restoresIntoTmpfs();

    /** @return the volume paths whose content the image carries, empty if none */
    List<String> volumePaths();

    /** @return true when the image is labelled {@code dev.berth.keep=true} and outlives the session */
    boolean kept();

    /** @return how long taking the snapshot took, from the prepare command to the tagged image */
    Duration took();

    /**
     * Removes the image (and its untagged parents) unless it was kept. Idempotent.
     *
     * @throws BerthException if a container started from the snapshot still exists
     */
    @Override
    void close();
}
