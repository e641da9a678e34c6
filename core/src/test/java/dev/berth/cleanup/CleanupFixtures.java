package dev.berth.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.engine.EngineLocator;
import dev.berth.session.Session;
import dev.berth.engine.ImageIds;
import java.util.Map;

/** Shared bits of the cleanup tests: the fixture image, a raw client, existence checks. */
final class CleanupFixtures {
    static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    static final String SNAPSHOT_REPO = "berth-cleanup-test/snapshot";

    private CleanupFixtures() {
    }

    /** @return a client of its own for what the test does behind Berth's back (foreign resources) */
    static DockerClient raw() {
        // the engine the tests run against (DOCKER_HOST and its TLS settings, as Berth.connect() finds it),
        // without a Berth session: no sweep happens through this client
        return new EngineLocator(System.getenv()).locate().client();
    }

    static boolean exists(DockerClient docker, Session.Kind kind, String id) {
        try {
            switch (kind) {
                case CONTAINER -> docker.inspectContainerCmd(id).exec();
                case NETWORK -> docker.inspectNetworkCmd().withNetworkId(id).exec();
                case IMAGE -> docker.inspectImageCmd(ImageIds.byId(id)).exec();
                case VOLUME -> docker.inspectVolumeCmd(id).exec();
                default -> throw new IllegalArgumentException(kind.name());
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Removes what a test created itself, whatever state it is in; never fails the test's cleanup. */
    static void removeQuietly(DockerClient docker, Session.Kind kind, String id) {
        if (id == null) {
            return;
        }
        try {
            switch (kind) {
                case CONTAINER -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                case NETWORK -> docker.removeNetworkCmd(id).exec();
                case IMAGE -> docker.removeImageCmd(ImageIds.byId(id)).withForce(true).exec();
                case VOLUME -> docker.removeVolumeCmd(id).exec();
                default -> throw new IllegalArgumentException(kind.name());
            }
        } catch (RuntimeException ignored) {
            // gone already, or will show up in the leak check
        }
    }

    /**
     * Commits a container as a snapshot image carrying the session's labels (plus extra ones), through Berth's own
     * commit: Podman ignores the labels of a commit's body and honours them as {@code LABEL} changes.
     */
    static String snapshot(DockerClient docker, Session session, String containerId, String tag, Map<String, String> extra) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(session.labels());
        labels.putAll(extra);
        String id = dev.berth.snapshot.SnapshotCommits.commit(docker, containerId, labels);
        docker.tagImageCmd(id, SNAPSHOT_REPO, tag).exec();
        return id;
    }
}
