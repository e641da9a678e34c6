package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.session.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Checks a spec's isolation options against each other, the engine ({@code info}: CPU count) and the session
 * ({@code container:} references), before anything is created. Messages follow {@link InvalidSpecException}.
 */
final class IsolationValidator {
    private final DockerClient docker;
    private final Session session;

    IsolationValidator(DockerClient docker, Session session) {
        this.docker = docker;
        this.session = session;
    }

    /**
     * @param spec the spec about to be created
     * @return the engine id of every {@code container:} reference
     */
    Map<ContainerRef, String> check(ContainerSpec spec) {
        checkConflicts(spec);
        checkCpus(spec.limits(), () -> docker.infoCmd().exec().getNCPU());
        Map<ContainerRef, String> ids = resolve(spec.namespaces(), session);
        ContainerRef ipc = spec.namespaces().ipc().flatMap(IpcMode::target).orElse(null);
        if (ipc != null) {
            checkShareable(ipc, docker.inspectContainerCmd(ids.get(ipc)).exec().getHostConfig().getIpcMode());
        }
        return ids;
    }

    /** Only a container started with {@code --ipc shareable} lets others join its IPC namespace. */
    static void checkShareable(ContainerRef ref, String ipcMode) {
        if (!"shareable".equals(ipcMode)) {
            throw new InvalidSpecException("ipc mode", "container:" + ref.describe(), "a container whose IPC mode is "
                    + "shareable (it has " + ipcMode + "); start it with Namespaces.defaults().withIpc(IpcMode"
                    + ".shareable())", "IpcMode.container(owner) where owner uses IpcMode.shareable()");
        }
    }

    /** Options that exclude each other, whatever the engine. */
    static void checkConflicts(ContainerSpec spec) {
        Namespaces ns = spec.namespaces();
        NetworkMode net = ns.network().orElse(null);
        if (net != null && !"bridge".equals(net.mode())) {
            String value = net.toString();
            if (!spec.exposedPorts().isEmpty() || !spec.fixedPorts().isEmpty()) {
                throw new InvalidSpecException("network mode", value, "published ports only with bridge networking "
                        + "(with network mode host, none or container:<other> the container has no ports of its own);"
                        + " drop the ports or the network mode", "NetworkMode.bridge() with withExposedPorts(8080)");
            }
            if (!spec.networks().isEmpty()) {
                throw new InvalidSpecException("network mode", value, "networks and network aliases only with "
                        + "bridge networking (with network mode host, none or container:<other> the container joins "
                        + "no network of its own); drop withNetwork(…) or the network mode",
                        "NetworkMode.bridge() with withNetwork(\"backend\", \"db\")");
            }
            if (net.target().isPresent() && (ns.hostname().isPresent() || ns.domainname().isPresent())) {
                throw new InvalidSpecException("network mode", value, "no hostname or domainname of its own with "
                        + "network mode container:<other> (it shares the other's UTS settings)",
                        "NetworkMode.container(other) without withHostname(…)");
            }
        }
    }

    /** CPU counts and cpuset CPUs against the engine's CPU count, asked only when the limits need it. */
    static void checkCpus(Limits limits, IntSupplier engineCpus) {
        if (limits.nanoCpus().isEmpty() && limits.cpusetCpus().isEmpty()) {
            return;
        }
        int cpus = engineCpus.getAsInt();
        long nanoCpus = limits.nanoCpus().orElse(0);
        if (nanoCpus > cpus * 1_000_000_000L) {
            throw new InvalidSpecException("cpus", nanoCpus / 1e9, "more than 0 and at most the engine's "
                    + cpus + " CPUs (docker info: NCPU)", "0.5");
        }
        String cpuset = limits.cpusetCpus().orElse(null);
        if (cpuset != null && maxCpu(cpuset) >= cpus) {
            throw new InvalidSpecException("cpuset cpus", cpuset, "CPUs that exist on the engine: "
                    + (cpus == 1 ? "0" : "0 to " + (cpus - 1)) + " (it has " + cpus + " CPUs)", "\"0\"");
        }
    }

    private static int maxCpu(String list) {
        int max = -1;
        for (String part : list.split("[,-]")) {
            max = Math.max(max, Integer.parseInt(part));
        }
        return max;
    }

    /** Each {@code container:} reference must name a container this session holds. */
    static Map<ContainerRef, String> resolve(Namespaces ns, Session session) {
        Map<ContainerRef, String> ids = new LinkedHashMap<>();
        resolve("network mode", ns.network().flatMap(NetworkMode::target).orElse(null), session, ids);
        resolve("ipc mode", ns.ipc().flatMap(IpcMode::target).orElse(null), session, ids);
        resolve("pid mode", ns.pid().flatMap(PidMode::target).orElse(null), session, ids);
        return ids;
    }

    private static void resolve(String option, ContainerRef ref, Session session, Map<ContainerRef, String> ids) {
        if (ref == null) {
            return;
        }
        List<Session.Resource> held = session.heldNewestFirst().stream()
                .filter(r -> r.kind() == Session.Kind.CONTAINER).toList();
        String id = held.stream().filter(r -> matches(ref, r)).map(Session.Resource::id).findFirst().orElse(null);
        if (id == null) {
            throw new InvalidSpecException(option, "container:" + ref.describe(), "a container started and still "
                    + "held by this engine session (session " + session.id() + " holds " + held.size()
                    + " container(s)), given by its RunningContainer handle or spec name",
                    option.startsWith("ipc") ? "IpcMode.container(dbHandle)" : option.startsWith("pid")
                            ? "PidMode.container(dbHandle)" : "NetworkMode.container(\"db\")");
        }
        ids.put(ref, id);
    }

    private static boolean matches(ContainerRef ref, Session.Resource r) {
        if (ref.handle().isPresent()) {
            return r.id().equals(ref.handle().get().id());
        }
        String name = ref.specName().orElseThrow();
        return r.name().equals(name) || r.name().startsWith("berth-" + name + "-");
    }
}
