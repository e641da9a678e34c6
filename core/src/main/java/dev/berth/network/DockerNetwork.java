package dev.berth.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Network;
import dev.berth.session.Session;
import java.util.concurrent.atomic.AtomicBoolean;

/** A network created by a session. */
final class DockerNetwork implements Network {
    private final DockerClient docker;
    private final Session session;
    private final String id;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    DockerNetwork(DockerClient docker, Session session, String id, String name) {
        this.docker = docker;
        this.session = session;
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
