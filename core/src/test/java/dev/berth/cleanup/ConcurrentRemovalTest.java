package dev.berth.cleanup;

import static dev.berth.cleanup.CleanupFixtures.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.RemoveContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import dev.berth.BerthException;
import java.time.Duration;
import dev.berth.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two sessions may sweep the same dead session's container at once (parallel test classes each connect an engine).
 * The engine answers the second removal with "removal already in progress"; the second caller must still return
 * only once the container is gone, since the start that follows may need the host port it holds.
 */
class ConcurrentRemovalTest {
    private static final int ROUNDS = 4;

    @Test
    void aRemovalThatMeetsOneInProgressReturnsOnlyOnceTheContainerIsGone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (DockerClient raw = CleanupFixtures.raw()) {
            Map<String, String> labels = Session.create().labels();
            for (int round = 0; round < ROUNDS; round++) {
                String id = raw.createContainerCmd(CleanupFixtures.BUSYBOX).withCmd("sleep", "300").withLabels(labels)
                        .exec().getId();
                try {
                    raw.startContainerCmd(id).exec();
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Boolean>> stillThere = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        stillThere.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            new ResourceRemover(raw).removeContainer(id);
                            return exists(raw, Session.Kind.CONTAINER, id);
                        }));
                    }
                    for (Future<Boolean> f : stillThere) {
                        assertThat(f.get(60, TimeUnit.SECONDS)).as("round %d: container present after removeContainer returned",
                                round).isFalse();
                    }
                } finally {
                    CleanupFixtures.removeQuietly(raw, Session.Kind.CONTAINER, id);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRemovalInProgressThatNeverEndsFailsWithTheCommandThatRemovesTheContainer() {
        // a seam, not the engine: a removal that stays "in progress" cannot be made on a healthy daemon
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        DockerClient docker = mock(DockerClient.class);
        RemoveContainerCmd remove = mock(RemoveContainerCmd.class, RETURNS_SELF);
        when(remove.exec()).thenThrow(new ConflictException("removal of container " + id + " is already in progress"));
        when(docker.removeContainerCmd(id)).thenReturn(remove);
        InspectContainerCmd inspect = mock(InspectContainerCmd.class);
        when(inspect.exec()).thenReturn(mock(InspectContainerResponse.class));
        when(docker.inspectContainerCmd(id)).thenReturn(inspect);

        assertThatThrownBy(() -> new ResourceRemover(docker, Duration.ofSeconds(1)).removeContainer(id))
                .isInstanceOf(BerthException.class)
                .hasMessage("Container 0123456789ab is still being removed by another caller after 1 s; the engine may be"
                        + " overloaded or stuck. Remove it by hand: docker rm -f 0123456789ab");
    }
}
