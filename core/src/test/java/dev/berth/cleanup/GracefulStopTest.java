package dev.berth.cleanup;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.StopPolicy;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session teardown honours each container's stop policy: a graceful stop lets a container that
 * traps SIGTERM write its marker; the kill policy gives it no chance.
 */
class GracefulStopTest {
    private static final String TRAPPER = "trap 'echo bye > /tmp/m/marker; exit 0' TERM;"
            + " touch /tmp/m/ready; while true; do sleep 0.1; done";

    @TempDir
    Path dir;

    @Test
    void gracefulStopLetsTheContainerWriteItsMarker() throws Exception {
        assertThat(stopWith(StopPolicy.graceful(Duration.ofSeconds(10)))).hasContent("bye");
    }

    @Test
    void killPolicyGivesItNoChance() throws Exception {
        assertThat(stopWith(StopPolicy.kill())).doesNotExist();
    }

    private Path stopWith(StopPolicy policy) throws Exception {
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (DockerClient raw = CleanupFixtures.raw()) {
            String id;
            try (Engine engine = Berth.connect()) {
                Session session = Internals.ledger(engine);
                id = raw.createContainerCmd(CleanupFixtures.BUSYBOX).withLabels(session.labels())
                        .withCmd("sh", "-c", TRAPPER)
                        .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(dir.toString(), new Volume("/tmp/m"))))
                        .exec().getId();
                session.recordContainer(id, "trapper", policy);
                raw.startContainerCmd(id).exec();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("ready")));
            }
            assertThat(CleanupFixtures.exists(raw, Session.Kind.CONTAINER, id)).isFalse();
            return dir.resolve("marker");
        }
    }
}
