package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import dev.berth.ContainerSpec;
import dev.berth.Healthcheck;
import dev.berth.InvalidSpecException;
import dev.berth.Mount;
import dev.berth.NetworkAttachment;
import dev.berth.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Applies the storage, network and healthcheck parts of a spec to a container at creation. */
final class CreateOptions {
    private final DockerClient docker;
    private final Session session;

    CreateOptions(DockerClient docker, Session session) {
        this.docker = docker;
        this.session = session;
    }

    /**
     * Tmpfs, bind mounts and volumes: Berth's own volumes under their per-session engine name, created
     * with the session's labels when missing; persistent ones created without labels; existing ones checked.
     */
    void storage(HostConfig host, ContainerSpec spec) {
        List<Bind> binds = new ArrayList<>();
        for (Mount m : spec.mounts()) {
            String source = m.source();
            if (m.volume()) {
                source = ScopedVolumes.engineName(session, m);
                ensureVolume(source, m);
            }
            binds.add(new Bind(source, new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw,
                    selinux(m.relabel())));
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
    }

    static SELContext selinux(Mount.Relabel relabel) {
        return switch (relabel) {
            case NONE -> SELContext.none;
            case SHARED -> SELContext.shared;
            case PRIVATE -> SELContext.single;
        };
    }

    private synchronized void ensureVolume(String name, Mount m) {
        try {
            docker.inspectVolumeCmd(name).exec();
        } catch (NotFoundException missing) {
            switch (m.ownership()) {
                case SCOPED -> {
                    docker.createVolumeCmd().withName(name).withLabels(session.labels()).exec();
                    session.record(Session.Kind.VOLUME, name, name);
                }
                case PERSISTENT -> docker.createVolumeCmd().withName(name).exec();
                case EXISTING -> throw new InvalidSpecException("existing volume", name, "a volume the engine has "
                        + "(docker volume create " + name + "), or Mount.volume(…) for one Berth creates and removes, "
                        + "or Mount.persistentVolume(…) for one it creates and keeps",
                        "Mount.volume(\"" + name + "\", \"" + m.target() + "\")");
            }
        }
    }

    /** The first network joins at creation, with its aliases; the others are joined by {@link #connectOthers}. */
    void firstNetwork(CreateContainerCmd cmd, HostConfig host, ContainerSpec spec) {
        if (spec.networks().isEmpty()) {
            return;
        }
        NetworkAttachment first = spec.networks().get(0);
        host.withNetworkMode(first.network());
        if (!first.aliases().isEmpty()) {
            cmd.withAliases(first.aliases());
        }
    }

    /** Connects the created container to the spec's other networks, before it starts. */
    void connectOthers(String containerId, ContainerSpec spec) {
        for (NetworkAttachment a : spec.networks().subList(Math.min(1, spec.networks().size()),
                spec.networks().size())) {
            docker.connectToNetworkCmd().withNetworkId(a.network()).withContainerId(containerId)
                    .withContainerNetwork(new ContainerNetwork().withAliases(a.aliases())).exec();
        }
    }

    static void healthcheck(CreateContainerCmd cmd, Healthcheck h) {
        if (h == null) {
            return;
        }
        if (h.disabled()) {
            cmd.withHealthcheck(new HealthCheck().withTest(h.test()));
            return;
        }
        cmd.withHealthcheck(new HealthCheck().withTest(h.test()).withInterval(h.interval().toNanos())
                .withTimeout(h.timeout().toNanos()).withRetries(h.retries())
                .withStartPeriod(h.startPeriod().isZero() ? null : h.startPeriod().toNanos()));
    }
}
