package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An image committed from a running container, with the content of its volumes, and the spec that
 * container was started from. Start a fresh copy with {@code engine.start(snapshot.spec())}. Closing it
 * removes the image unless it was kept; closing twice is harmless. Thread-safe.
 */
public final class Snapshot implements AutoCloseable {
    private final DockerClient docker;
    private final Session session;
    private final ImageRef image;
    private final String imageId;
    private final ContainerSpec source;
    private final ContainerSpec restore;
    private final boolean tmpfs;
    private final List<String> volumePaths;
    private final boolean kept;
    private final Duration took;
    private final AtomicBoolean closed = new AtomicBoolean();

    Snapshot(DockerClient docker, Session session, ImageRef image, String imageId, ContainerSpec source,
             ContainerSpec restore, List<String> volumePaths, boolean tmpfs, boolean kept, Duration took) {
        this.docker = docker;
        this.session = session;
        this.image = image;
        this.imageId = imageId;
        this.source = source;
        this.restore = restore;
        this.tmpfs = tmpfs;
        this.volumePaths = List.copyOf(volumePaths);
        this.kept = kept;
        this.took = took;
    }

    /** @return the image, {@code berth-snapshots/<name>:<12 hex digits of the image id>} */
    public ImageRef image() {
        return image;
    }

    /** @return the engine's image id ({@code sha256:…}) */
    public String imageId() {
        return imageId;
    }

    /** @return the spec of the container the snapshot was taken from */
    public ContainerSpec sourceSpec() {
        return source;
    }

    /**
     * @return the source spec on the snapshot image: same ports, env, limits, networks and aliases; its
     *     volumes start with the captured content. For a tmpfs restore ({@link #restoresIntoTmpfs()}) it
     *     also mounts a tmpfs on each volume path and starts through a copy-in step before the original
     *     entrypoint and command
     */
    public ContainerSpec spec() {
        return restore;
    }

    /** @return true when {@link #spec()} restores the volume content into tmpfs mounts */
    public boolean restoresIntoTmpfs() {
        return tmpfs;
    }

    /** @return the volume paths whose content the image carries, empty if none */
    public List<String> volumePaths() {
        return volumePaths;
    }

    /** @return true when the image is labelled {@code dev.berth.keep=true} and outlives the session */
    public boolean kept() {
        return kept;
    }

    /** @return how long taking the snapshot took, from the prepare command to the tagged image */
    public Duration took() {
        return took;
    }

    /** Removes the image (and its untagged parents) unless it was kept. Idempotent. */
    @Override
    public void close() {
        if (kept || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // Podman's forced removal also removes the containers using the image: ask first, on every engine.
            String hex = imageId.substring(imageId.indexOf(':') + 1);
            if (docker.listContainersCmd().withShowAll(true).exec().stream()
                    .anyMatch(c -> c.getImageId() != null && c.getImageId().endsWith(hex))) {
                closed.set(false);
                throw new BerthException("Cannot remove snapshot image " + image + ": a container started from it"
                        + " still exists. Close the containers started from the snapshot first.");
            }
            docker.removeImageCmd(imageId).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else: nothing to do
        } catch (ConflictException inUse) {
            closed.set(false);
            throw new BerthException("Cannot remove snapshot image " + image + ": a container started from it still"
                    + " exists. Close the containers started from the snapshot first.", inUse);
        }
        session.forget(Session.Kind.IMAGE, imageId);
    }

    @Override
    public String toString() {
        return "Snapshot[" + image + (volumePaths.isEmpty() ? "" : " volumes=" + volumePaths + (tmpfs ? " (tmpfs)" : ""))
                + (kept ? " kept" : "") + "]";
    }
}
