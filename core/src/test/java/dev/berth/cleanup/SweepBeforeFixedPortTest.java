package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sweep runs in the background after connect; a start that needs a fixed host port waits for it, since a
 * crashed run's container may hold that port until the sweep removes it. Local engine only (the pid rule).
 */
class SweepBeforeFixedPortTest {

    @Test
    void aFixedHostPortHeldByADeadSessionsContainerIsFreedBeforeTheStartNeedsIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, String> labels = new HashMap<>(Session.create().labels());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        labels.put(Session.LABEL_PID, Long.toString(gone.pid())); // a session whose process is gone: swept
        try (DockerClient raw = CleanupFixtures.raw()) {
            ExposedPort http = ExposedPort.tcp(8080);
            Ports ports = new Ports();
            ports.bind(http, Ports.Binding.bindIpAndPort("127.0.0.1", port));
            String leftover = raw.createContainerCmd(CleanupFixtures.BUSYBOX).withCmd("sleep", "300").withLabels(labels)
                    .withExposedPorts(http).withHostConfig(HostConfig.newHostConfig().withPortBindings(ports)).exec()
                    .getId();
            try {
                raw.startContainerCmd(leftover).exec();
                try (Engine engine = Berth.connect();
                     RunningContainer c = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX)
                             .withCommand("sleep", "300").withFixedPort(8080, port))) {
                    assertThat(c.mappedPort(8080)).isEqualTo(port);
                    assertThat(CleanupFixtures.exists(raw, Session.Kind.CONTAINER, leftover)).as("swept first").isFalse();
                }
            } finally {
                CleanupFixtures.removeQuietly(raw, Session.Kind.CONTAINER, leftover);
            }
        }
    }
}
