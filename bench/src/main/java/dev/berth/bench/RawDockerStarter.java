package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import java.util.Map;

/**
 * The baseline: plain docker-java calls, the least work the engine allows — create, start,
 * inspect the published port, poll GET every 5 ms; removal is a forced remove.
 */
public final class RawDockerStarter implements Starter {
    private static final String HOST = "127.0.0.1";
    private final DockerClient docker;
    private final String runId;

    /** @param runId value of the {@link Fixture#LABEL} label on every container created */
    public RawDockerStarter(String runId) {
        this.runId = runId;
        this.docker = RawClients.local();
    }

    @Override
    public String name() {
        return "raw docker-java";
    }

    @Override
    public Started start() {
        ExposedPort http = ExposedPort.tcp(Fixture.PORT);
        Ports bindings = new Ports();
        bindings.bind(http, Ports.Binding.bindIp(HOST));
        String id = docker.createContainerCmd(Fixture.IMAGE)
                .withCmd(Fixture.COMMAND)
                .withLabels(Map.of(Fixture.LABEL, runId))
                .withExposedPorts(http)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(bindings))
                .exec().getId();
        Started started = new Handle(id, -1);
        try {
            docker.startContainerCmd(id).exec();
            Ports.Binding[] b = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                    .getBindings().get(http);
            int port = Integer.parseInt(b[0].getHostPortSpec());
            Fixture.awaitHttp(HOST, port, Fixture.READY_TIMEOUT);
            return new Handle(id, port);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        docker.close();
    }

    private final class Handle implements Started {
        private final String id;
        private final int port;

        Handle(String id, int port) {
            this.id = id;
            this.port = port;
        }

        @Override
        public String host() {
            return HOST;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void close() {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }
}
