package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;

/** Berth's own commit, for the fixtures of other packages' tests. */
public final class SnapshotCommits {
    private SnapshotCommits() {
    }

    /**
     * Commits as Berth does: the labels go in the request's body and as {@code LABEL} changes (Podman ignores
     * the body's), so the image carries them on every engine.
     *
     * @return the image id
     */
    public static String commit(DockerClient docker, String containerId, Map<String, String> labels) {
        return Commit.commit(docker, containerId, "berth test fixture", labels);
    }
}
