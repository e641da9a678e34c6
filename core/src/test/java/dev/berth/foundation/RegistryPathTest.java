package dev.berth.foundation;

import dev.berth.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The registry path: a fixture pushed to the loopback registry under its own tag, the local tag
 * removed, pulled back from 127.0.0.1:5000, and run. A unique tag keeps the shared fixture tags
 * untouched for tests running at the same time.
 */
class RegistryPathTest {

    @Test
    void removedLocalTagIsPulledBackFromTheLoopbackRegistryAndRuns() throws Exception {
        String repo = Fixtures.REGISTRY + "/berth-fixtures/busybox";
        String tag = "registry-path-" + UUID.randomUUID().toString().substring(0, 8);
        String ref = repo + ":" + tag;
        try (Engine engine = Berth.connect()) {
            DockerClient docker = engine.docker();
            docker.tagImageCmd(Fixtures.BUSYBOX, repo, tag).exec();
            try {
                docker.pushImageCmd(repo).withTag(tag).exec(new ResultCallback.Adapter<PushResponseItem>())
                        .awaitCompletion(60, TimeUnit.SECONDS);
                docker.removeImageCmd(ref).exec();
                assertThatThrownBy(() -> docker.inspectImageCmd(ref).exec()).isInstanceOf(NotFoundException.class);

                docker.pullImageCmd(repo).withTag(tag).exec(new ResultCallback.Adapter<PullResponseItem>())
                        .awaitCompletion(60, TimeUnit.SECONDS);
                assertThat(docker.inspectImageCmd(ref).exec().getId())
                        .isEqualTo(docker.inspectImageCmd(Fixtures.BUSYBOX).exec().getId());

                try (RunningContainer c = engine.start(ContainerSpec.of(ref).withCommand("sleep", "30"))) {
                    assertThat(docker.inspectContainerCmd(c.id()).exec().getState().getRunning()).isTrue();
                }
            } finally {
                try {
                    docker.removeImageCmd(ref).exec();
                } catch (NotFoundException alreadyGone) {
                    // the pull failed: nothing to remove
                }
            }
        }
    }
}
