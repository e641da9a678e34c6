package dev.berth.spring;

import dev.berth.ContainerLogs;
import dev.berth.ContainerSpec;
import dev.berth.ContainerState;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.FileCopy;
import dev.berth.RunningContainer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A container seen through its {@link StableEndpoint}: the service's port answers with the endpoint's
 * loopback port, everything else is the container's. Module handles built on it ({@code PostgresContainer.of})
 * give URLs that survive a reset.
 */
final class EndpointView implements RunningContainer {
    private final RunningContainer container;
    private final int port;
    private final StableEndpoint endpoint;

    EndpointView(RunningContainer container, int port, StableEndpoint endpoint) {
        this.container = container;
        this.port = port;
        this.endpoint = endpoint;
    }

    @Override
    public String host() {
        return endpoint.host();
    }

    @Override
    public int mappedPort(int containerPort) {
        return containerPort == port ? endpoint.port() : container.mappedPort(containerPort);
    }

    @Override
    public String id() {
        return container.id();
    }

    @Override
    public String name() {
        return container.name();
    }

    @Override
    public ContainerSpec spec() {
        return container.spec();
    }

    @Override
    public ExecResult exec(ExecSpec exec) {
        return container.exec(exec);
    }

    @Override
    public ContainerLogs logs() {
        return container.logs();
    }

    @Override
    public void copyIn(Path hostPath, String containerPath) {
        container.copyIn(hostPath, containerPath);
    }

    @Override
    public void copyIn(FileCopy file) {
        container.copyIn(file);
    }

    @Override
    public void copyOut(String containerPath, Path hostDir) {
        container.copyOut(containerPath, hostDir);
    }

    @Override
    public ContainerState state() {
        return container.state();
    }

    @Override
    public void stop(Duration timeout) {
        container.stop(timeout);
    }

    @Override
    public void kill(String signal) {
        container.kill(signal);
    }

    @Override
    public void restart() {
        container.restart();
    }

    @Override
    public void remove() {
        container.remove();
    }

    @Override
    public void close() {
        container.close();
    }
}
