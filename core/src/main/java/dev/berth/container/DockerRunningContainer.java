package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.cleanup.ResourceRemover;
import dev.berth.cleanup.Steps;
import dev.berth.engine.EngineEndpoint;
import dev.berth.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A container started by a session. Thread-safe. */
final class DockerRunningContainer implements RunningContainer {
    private final DockerClient docker;
    private final Session session;
    private final EngineEndpoint endpoint;
    private final ContainerSpec spec;
    private final String id;
    private final String name;
    private final Map<Integer, Integer> portCache = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    DockerRunningContainer(DockerClient docker, Session session, EngineEndpoint endpoint, ContainerSpec spec,
                           String id, String name) {
        this.docker = docker;
        this.session = session;
        this.endpoint = endpoint;
        this.spec = spec;
        this.id = id;
        this.name = name;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ContainerSpec spec() {
        return spec;
    }

    @Override
    public String host() {
        return endpoint.portHost();
    }

    @Override
    public int mappedPort(int containerPort) {
        Integer fixed = spec.fixedPorts().get(containerPort);
        if (fixed != null) {
            return fixed;
        }
        if (!spec.exposedPorts().contains(containerPort)) {
            throw new InvalidSpecException("port", containerPort, "one of the exposed ports " + spec.exposedPorts(),
                    "withExposedPorts(" + containerPort + ")");
        }
        return portCache.computeIfAbsent(containerPort, this::lookUpPort);
    }

    private int lookUpPort(int containerPort) {
        Ports ports = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts();
        Ports.Binding[] bindings = ports.getBindings().get(ExposedPort.tcp(containerPort));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("Port " + containerPort + " of container " + name + " is not published");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Steps steps = new Steps(); // cleanup hook: stop per policy, remove, report both steps
        if (new ResourceRemover(docker).stopAndRemove(id, name, spec.stopPolicy(), steps)) {
            session.forget(Session.Kind.CONTAINER, id);
        }
        steps.throwIfFailed("container " + name);
    }

    @Override
    public String toString() {
        return "RunningContainer[" + name + " " + spec.image() + "]";
    }
}
