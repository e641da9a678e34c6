package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.Snapshot;
import dev.berth.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A snapshot image on a Docker engine, recorded in the session that took or opened it. Thread-safe. */
final class DockerSnapshot implements Snapshot {
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

    DockerSnapshot(DockerClient docker, Session session, ImageRef image, String imageId, ContainerSpec source,
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

    @Override
    public ImageRef image() {
        return image;
    }

    @Override
    public String imageId() {
        return imageId;
    }

    @Override
    public ContainerSpec sourceSpec() {
        return source;
    }

    @Override
    public ContainerSpec spec() {
        return restore;
    }

    @Override
    public boolean restoresIntoTmpfs() {
        return tmpfs;
    }

    @Override
    public List<String> volumePaths() {
        return volumePaths;
    }

    @Override
    public boolean kept() {
        return kept;
    }

    @Override
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
