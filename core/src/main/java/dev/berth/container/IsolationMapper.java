package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.Security;
import dev.berth.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a spec's {@link Limits} (cgroups), {@link Namespaces} and {@link Security} to docker-java's
 * {@link CreateContainerCmd} and its {@link HostConfig}, after {@link IsolationValidator} has checked them
 * against the engine and the session. Adds to what the command already holds (tmpfs, security options).
 */
final class IsolationMapper {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationMapper.class);

    private final DockerClient docker;
    private final Session session;
    private final EngineFit fit;

    /**
     * @param docker the engine client (asked for {@code info} when a check needs it)
     * @param session the session whose containers {@code container:} references may name
     * @param fit what the engine cannot apply, or takes in another form
     */
    IsolationMapper(DockerClient docker, Session session, EngineFit fit) {
        this.docker = docker;
        this.session = session;
        this.fit = fit;
    }

    /**
     * Validates the spec's isolation options, then applies them. Call before the container is created.
     *
     * @param cmd the create command, already holding its host config
     * @param spec the spec being created
     * @throws dev.berth.InvalidSpecException if an option conflicts or does not fit the engine or session
     */
    void apply(CreateContainerCmd cmd, ContainerSpec spec) {
        Map<ContainerRef, String> ids = new IsolationValidator(docker, session).check(spec);
        fit.check(spec);
        map(cmd, spec, ids::get);
        HostConfig host = cmd.getHostConfig();
        if (host.getSecurityOpts() != null) {
            host.withSecurityOpts(fit.securityOpts(host.getSecurityOpts()));
        }
    }

    /**
     * Pure mapping, no checks.
     *
     * @param cmd the create command
     * @param spec the spec
     * @param idOf resolves a {@code container:} reference to the engine id
     */
    static void map(CreateContainerCmd cmd, ContainerSpec spec, Function<ContainerRef, String> idOf) {
        HostConfig host = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
        limits(host, spec.limits());
        namespaces(cmd, host, spec.namespaces(), idOf);
        security(cmd, host, spec.security(), spec);
        cmd.withHostConfig(host);
    }

    private static void limits(HostConfig host, Limits l) {
        l.memoryBytes().ifPresent(host::withMemory);
        l.memorySwapBytes().ifPresent(host::withMemorySwap);
        l.memoryReservationBytes().ifPresent(host::withMemoryReservation);
        l.nanoCpus().ifPresent(host::withNanoCPUs);
        l.cpuShares().ifPresent(host::withCpuShares);
        l.cpusetCpus().ifPresent(host::withCpusetCpus);
        l.cpusetMems().ifPresent(host::withCpusetMems);
        l.pidsLimit().ifPresent(host::withPidsLimit);
        l.blkioWeight().ifPresent(host::withBlkioWeight);
        l.shmSizeBytes().ifPresent(host::withShmSize);
        if (l.oomKillDisable()) {
            host.withOomKillDisable(true);
        }
        if (!l.ulimits().isEmpty()) {
            List<Ulimit> ulimits = new ArrayList<>();
            l.ulimits().values().forEach(u -> ulimits.add(new Ulimit(u.name(), u.soft(), u.hard())));
            host.withUlimits(ulimits);
        }
    }

    private static void namespaces(CreateContainerCmd cmd, HostConfig host, Namespaces n,
                                   Function<ContainerRef, String> idOf) {
        n.network().ifPresent(net -> host.withNetworkMode(
                net.target().map(t -> "container:" + idOf.apply(t)).orElse(net.mode())));
        n.ipc().ifPresent(ipc -> host.withIpcMode(
                ipc.target().map(t -> "container:" + idOf.apply(t)).orElse(ipc.mode())));
        n.pid().ifPresent(pid -> host.withPidMode(
                pid.target().map(t -> "container:" + idOf.apply(t)).orElse(pid.mode())));
        if (n.init()) {
            host.withInit(true);
        }
        n.hostname().ifPresent(cmd::withHostName);
        n.domainname().ifPresent(cmd::withDomainName);
        if (n.utsHost()) {
            host.withUtSMode("host");
        }
        n.usernsMode().ifPresent(host::withUsernsMode);
        n.cgroupnsMode().ifPresent(host::withCgroupnsMode);
    }

    private static void security(CreateContainerCmd cmd, HostConfig host, Security s, ContainerSpec spec) {
        List<String> opts = new ArrayList<>(host.getSecurityOpts() == null ? List.of() : host.getSecurityOpts());
        opts.addAll(s.securityOpts());
        if (!opts.isEmpty()) {
            host.withSecurityOpts(opts);
        }
        if (s.readOnlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        if (!s.tmpfs().isEmpty()) {
            Map<String, String> tmpfs = new LinkedHashMap<>(host.getTmpFs() == null ? Map.of() : host.getTmpFs());
            tmpfs.putAll(s.tmpfs());
            host.withTmpFs(tmpfs);
        }
        if (!s.capAdd().isEmpty()) {
            host.withCapAdd(s.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
        }
        if (!s.capDrop().isEmpty()) {
            host.withCapDrop(s.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new));
        }
        s.user().ifPresent(cmd::withUser);
        if (s.privileged()) {
            LOG.warn("Container {} ({}) runs privileged: every capability and host device; use only when the test "
                    + "needs it", cmd.getName(), spec.image());
            host.withPrivileged(true);
        }
    }
}
