package dev.berth.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.Network;
import dev.berth.NetworkAttachment;
import dev.berth.NetworkSpec;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** A network created by a session. */
final class DockerNetwork implements Network {
    private final DockerClient docker;
    private final Session session;
    private final NetworkSpec spec;
    private final String id;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    DockerNetwork(DockerClient docker, Session session, NetworkSpec spec, String id, String name) {
        this.docker = docker;
        this.session = session;
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
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public void connect(RunningContainer container, String... aliases) {
        Objects.requireNonNull(container, "container");
        List<String> checked = new NetworkAttachment(name, List.of(aliases)).aliases();
        docker.connectToNetworkCmd().withNetworkId(id).withContainerId(container.id())
                .withContainerNetwork(new ContainerNetwork().withAliases(checked)).exec();
    }

    @Override
    public void disconnect(RunningContainer container) {
        Objects.requireNonNull(container, "container");
        docker.disconnectFromNetworkCmd().withNetworkId(id).withContainerId(container.id()).exec();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            docker.removeNetworkCmd(id).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else: nothing to do
        }
        session.forget(Session.Kind.NETWORK, id);
    }

    @Override
    public String toString() {
        return "Network[" + name + "]";
    }
}
