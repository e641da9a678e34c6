package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.LeftoverResource;
import dev.berth.session.Session;
import dev.berth.testing.TlsTestEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweeper's age rule on a remote engine (the TLS engine of scripts/engines/tls, tcp://127.0.0.1:2376): there
 * it cannot check processes, so a session is a leftover once it is older than {@code berth.sweep.max-age} (1h),
 * even when its pid is alive on this host, and never before, even when its pid is gone. Without the TLS engine the
 * test aborts, except in CI ({@code CI=true}), where it fails.
 */
class RemoteEngineSweepTest {
    @BeforeAll
    static void tlsEngineListens() {
        TlsTestEngine.requireListening();
    }

    @Test
    void aRemoteEngineSweepsSessionsByAgeNotByProcess() throws Exception {
        String oldId = null;
        String youngId = null;
        try (Engine setup = Berth.connect(TlsTestEngine.options(Map.of("berth.sweep", "false")))) {
            DockerClient docker = setup.docker();
            long now = Instant.now().getEpochSecond();
            // alive here (this JVM), but two hours old: swept on a remote engine, never on a local one
            oldId = create(docker, ProcessHandle.current().pid(), now - 7200);
            // its process is gone, but it is a minute old: kept on a remote engine, swept on a local one
            youngId = create(docker, deadPid(), now - 60);

            String old = oldId;
            String young = youngId;
            List<LeftoverResource> found = setup.leftovers().find(Optional.empty()).stream()
                    .filter(r -> r.id().equals(old) || r.id().equals(young)).toList();
            assertThat(found).extracting(LeftoverResource::id).containsExactly(oldId);
            assertThat(found.get(0).reason()).as("the age rule, seconds after the label's time")
                    .matches("session on a remote engine older than 1h \\(created 2h(\\d+s)? ago\\)");

            try (Engine sweeping = dev.berth.Internals.swept(Berth.connect(TlsTestEngine.options(Map.of())))) {
                assertThat(sweeping.endpoint().isLocal()).isFalse();
                assertThat(CleanupFixtures.exists(docker, Session.Kind.CONTAINER, oldId)).as("swept on connect").isFalse();
                assertThat(CleanupFixtures.exists(docker, Session.Kind.CONTAINER, youngId)).as("too young").isTrue();
            }
        } finally {
            try (Engine cleanup = Berth.connect(TlsTestEngine.options(Map.of("berth.sweep", "false")))) {
                CleanupFixtures.removeQuietly(cleanup.docker(), Session.Kind.CONTAINER, oldId);
                CleanupFixtures.removeQuietly(cleanup.docker(), Session.Kind.CONTAINER, youngId);
            }
        }
    }

    /** Creates (does not start) a container labelled as another session of this host made it. */
    private static String create(DockerClient docker, long pid, long createdEpochSeconds) {
        Map<String, String> labels = Map.of(Session.LABEL_SESSION, UUID.randomUUID().toString(),
                Session.LABEL_PID, Long.toString(pid), Session.LABEL_HOST, Session.localHostName(),
                Session.LABEL_CREATED, Long.toString(createdEpochSeconds));
        return docker.createContainerCmd(CleanupFixtures.BUSYBOX).withCmd("sleep", "300").withLabels(labels).exec()
                .getId();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
