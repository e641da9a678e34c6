package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStartException;
import dev.berth.RunningContainer;
import dev.berth.engine.EngineEndpoint;
import dev.berth.image.ImageService;
import dev.berth.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a spec into a created, started and ready container. */
public final class ContainerLauncher {
    private final DockerClient docker;
    private final EngineEndpoint endpoint;
    private final Session session;
    private final ImageService images;

    /**
     * @param docker the engine client
     * @param endpoint where the engine listens (decides the port bind address)
     * @param session records every created container
     * @param images makes the image available (spec.pullPolicy()) before the container is created
     */
    public ContainerLauncher(DockerClient docker, EngineEndpoint endpoint, Session session, ImageService images) {
        this.docker = docker;
        this.endpoint = endpoint;
        this.session = session;
        this.images = images;
    }

    /**
     * @param spec what to run
     * @return the started, ready container
     */
    public RunningContainer start(ContainerSpec spec) {
        String name = containerName(spec);
        String id;
        String image = images.ensure(spec.image(), spec.pullPolicy()).toString();
        try (CreateContainerCmd cmd = docker.createContainerCmd(image)) {
            configure(cmd, spec, name);
            id = cmd.exec().getId();
        }
        session.recordContainer(id, name, spec.stopPolicy());
        DockerRunningContainer container = new DockerRunningContainer(docker, session, endpoint, spec, id, name);
        try {
            docker.startContainerCmd(id).exec();
            spec.waitStrategy().waitUntilReady(container, spec.startupTimeout());
            return container;
        } catch (RuntimeException e) {
            container.close();
            throw new ContainerStartException(e.getMessage(), spec.image().toString(), id, null, false, List.of(), e);
        }
    }

    private String containerName(ContainerSpec spec) {
        String base = spec.name() == null ? "berth" : "berth-" + spec.name();
        return base + "-" + session.id().substring(0, 8) + "-" + Long.toHexString(System.nanoTime());
    }

    private void configure(CreateContainerCmd cmd, ContainerSpec spec, String name) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(session.labels());
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (int port : spec.exposedPorts()) {
            ExposedPort p = ExposedPort.tcp(port);
            exposed.add(p);
            bindings.bind(p, Ports.Binding.bindIp(endpoint.bindAddress()));
        }
        spec.fixedPorts().forEach((container, host) -> {
            ExposedPort p = ExposedPort.tcp(container);
            exposed.add(p);
            bindings.bind(p, Ports.Binding.bindIpAndPort(endpoint.bindAddress(), host));
        });
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings);
        cmd.withName(name).withLabels(labels).withExposedPorts(exposed).withHostConfig(host);
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (spec.entrypoint() != null) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (!spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            cmd.withEnv(env);
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        new IsolationMapper(docker, session).apply(cmd, spec);
    }


}
