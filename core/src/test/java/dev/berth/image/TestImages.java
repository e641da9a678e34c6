package dev.berth.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.berth.ImageRef;
import java.util.UUID;

/** Unique copies of the busybox fixture, for tests that must not touch the shared fixture tags. */
final class TestImages {
    static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";

    private TestImages() {
    }

    /** @return a fresh, unused repository name component */
    static String uniqueName() {
        return "berth-test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * Tags the busybox fixture as {@code ref}, pushes it to the loopback registry and removes the
     * local tag, so only the registry holds it.
     */
    static ImageRef pushOnly(DockerClient docker, ImageRef ref) throws InterruptedException {
        docker.tagImageCmd(BUSYBOX, ref.name(), ref.tag().orElseThrow()).exec();
        try {
            docker.pushImageCmd(ref.name()).withTag(ref.tag().orElseThrow())
                    .exec(new ResultCallback.Adapter<PushResponseItem>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                throw new IllegalStateException("push failed: " + item.getErrorDetail());
                            }
                        }
                    }).awaitCompletion();
        } finally {
            removeQuietly(docker, ref);
        }
        return ref;
    }

    /** @return {@code ref}, tagged locally from the busybox fixture */
    static ImageRef tagLocally(DockerClient docker, ImageRef ref) {
        docker.tagImageCmd(BUSYBOX, ref.name(), ref.tag().orElseThrow()).exec();
        return ref;
    }

    static void removeQuietly(DockerClient docker, ImageRef ref) {
        try {
            docker.removeImageCmd(ref.toString()).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }
}
