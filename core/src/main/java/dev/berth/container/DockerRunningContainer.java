package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import dev.berth.BerthException;
import dev.berth.ContainerLogs;
import dev.berth.ContainerSpec;
import dev.berth.Phase;
import dev.berth.ContainerState;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.FileCopy;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.cleanup.ResourceRemover;
import dev.berth.cleanup.Steps;
import dev.berth.engine.EngineJson;
import dev.berth.EngineEndpoint;
import dev.berth.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A container started by a session. Thread-safe. */
final class DockerRunningContainer implements RunningContainer {
    private static final Logger LOG = LoggerFactory.getLogger(DockerRunningContainer.class);
    private final DockerClient docker;
    private final Session session;
    private final EngineEndpoint endpoint;
    private final ContainerSpec spec;
    private final String id;
    private final String name;
    private final LogCapture logs;
    private final ContainerFiles files;
    private final Map<Integer, Integer> portCache = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PhaseTimer phases;
    private final ContainerStates states;

    DockerRunningContainer(DockerClient docker, Session session, EngineEndpoint endpoint, ContainerSpec spec,
                           String id, String name, PhaseTimer phases, ContainerStates states) {
        this.phases = phases;
        this.states = states;
        this.docker = docker;
        this.session = session;
        this.endpoint = endpoint;
        this.spec = spec;
        this.id = id;
        this.name = name;
        this.logs = new LogCapture(docker, id, ContainerLogs.CAPACITY);
        this.files = new ContainerFiles(docker);
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

    /** @return where the engine running this container listens */
    EngineEndpoint endpoint() {
        return endpoint;
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
        Integer cached = portCache.get(containerPort);
        if (cached != null) {
            return cached;
        }
        // one inspect answers for every exposed port: keep them all. Read as the engine's JSON: the inspect model's
        // deserializer cost the first start in a fresh JVM ~0.1 s of CPU on its way to ready (docs/benchmarks.md)
        JsonNode published = EngineJson.get(docker, "/containers/" + id + "/json",
                () -> docker.inspectContainerCmd(id).exec()).path("NetworkSettings").path("Ports");
        for (int port : spec.exposedPorts()) {
            JsonNode binding = published.path(port + "/tcp").path(0);
            String hostPort = EngineJson.text(binding, "HostPort");
            if (hostPort != null && !hostPort.isEmpty()) {
                portCache.putIfAbsent(port, Integer.parseInt(hostPort));
            }
        }
        Integer found = portCache.get(containerPort);
        if (found == null) {
            throw new BerthException("Port " + containerPort + " of container " + name
                    + " is not published: the container is not running. Check its state() and logs().");
        }
        return found;
    }

    /** @return the log capture, held by the launcher from the container's start until it is ready */
    LogCapture logCapture() {
        return logs;
    }

    @Override
    public ExecResult exec(ExecSpec exec) {
        return new ExecRunner(docker).run(id, name, exec, this::state);
    }

    @Override
    public ContainerLogs logs() {
        return logs;
    }

    @Override
    public void copyIn(Path hostPath, String containerPath) {
        files.copyIn(id, hostPath, containerPath);
    }

    @Override
    public void copyIn(FileCopy file) {
        files.copyIn(id, List.of(file));
    }

    @Override
    public void copyOut(String containerPath, Path hostDir) {
        files.copyOut(id, name, containerPath, hostDir);
    }

    @Override
    public ContainerState state() {
        try {
            return states.of(docker.inspectContainerCmd(id).exec().getState(), id, endpoint.isLocal());
        } catch (NotFoundException e) {
            throw gone(e);
        }
    }

    private BerthException gone(NotFoundException e) {
        return new BerthException("Container " + name + " (" + id.substring(0, 12) + ") no longer exists: it"
                + " was removed. Its captured logs() are still available.", e);
    }

    @Override
    public void stop(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidSpecException("stop timeout", String.valueOf(timeout), "zero or a positive duration",
                    "Duration.ofSeconds(10)");
        }
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds())).exec();
        } catch (NotModifiedException alreadyStopped) {
            // nothing to do
        } catch (NotFoundException e) {
            throw gone(e);
        }
    }

    @Override
    public void kill(String signal) {
        if (signal == null || !signal.matches("(SIG)?[A-Z0-9+-]+|[0-9]+")) {
            throw new InvalidSpecException("signal", String.valueOf(signal), "a signal name or number",
                    "\"SIGTERM\"");
        }
        try {
            docker.killContainerCmd(id).withSignal(signal).exec();
        } catch (NotFoundException e) {
            throw gone(e);
        } catch (ConflictException e) {
            throw new BerthException("Cannot send " + signal + " to container " + name + ": it is not running."
                    + " Check its state() first, or restart() it.", e);
        }
    }

    @Override
    public void restart() {
        try {
            docker.restartContainerCmd(id).withTimeout((int) spec.stopPolicy().grace().toSeconds()).exec();
        } catch (NotFoundException e) {
            throw gone(e);
        }
        logs.restarted();
        portCache.clear();
    }

    @Override
    public void remove() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean gone = false;
        logs.finish();
        try {
            phases.run(id, name, spec.image().toString(), Phase.REMOVE, () -> new ResourceRemover(docker).removeContainer(id));
            gone = true;
        } finally {
            logs.removed(gone);
            if (gone) {
                session.forget(Session.Kind.CONTAINER, id);
                ScopedVolumes.release(docker, session, spec);
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Steps steps = new Steps(); // cleanup hook: stop per policy, remove, report both steps
        boolean gone = phases.time(id, name, spec.image().toString(), Phase.REMOVE,
                () -> new ResourceRemover(docker).stopAndRemove(id, name, spec.stopPolicy(), steps, logs::finish));
        logs.removed(gone);
        if (gone) {
            session.forget(Session.Kind.CONTAINER, id);
            steps.attempt("remove the unused volumes of container " + name,
                    () -> ScopedVolumes.release(docker, session, spec));
        }
        steps.throwIfFailed("container " + name);
    }

    @Override
    public String toString() {
        return "RunningContainer[" + name + " " + spec.image() + "]";
    }
}
