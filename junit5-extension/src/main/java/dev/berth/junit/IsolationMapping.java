package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.Security;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps {@link WithLimits}, {@link WithNamespaces} and {@link WithSecurity} on a container field onto core's
 * values (both import in one file: the annotations carry a {@code With} prefix), starting from the spec's own (so they refine a {@code ContainerSpec} initializer). Core
 * validates each value; the caller adds the field to its message.
 */
final class IsolationMapping {
    private IsolationMapping() {
    }

    static ContainerSpec apply(Declaration d, ContainerSpec spec) {
        Optional<WithLimits> limits = d.find(WithLimits.class);
        if (limits.isPresent()) {
            spec = spec.withLimits(limits(d, limits.get(), spec.limits()));
        }
        Optional<WithNamespaces> namespaces = d.find(WithNamespaces.class);
        if (namespaces.isPresent()) {
            spec = spec.withNamespaces(namespaces(d, namespaces.get(), spec.namespaces()));
        }
        Optional<WithSecurity> security = d.find(WithSecurity.class);
        if (security.isPresent()) {
            spec = spec.withSecurity(security(security.get(), spec.security()));
        }
        return spec;
    }

    /** @return logical names a container's namespace modes refer to ({@code container:<name>}); it starts after them */
    static List<String> namespaceTargets(Declaration d) {
        List<String> out = new ArrayList<>();
        Optional<WithNamespaces> found = d.find(WithNamespaces.class);
        if (found.isPresent()) {
            WithNamespaces n = found.get();
            for (String mode : List.of(n.network(), n.ipc(), n.pid())) {
                if (mode.startsWith("container:")) {
                    out.add(mode.substring("container:".length()));
                }
            }
        }
        return out;
    }

    private static Limits limits(Declaration d, WithLimits a, Limits l) {
        if (!a.memory().isEmpty()) {
            l = l.withMemory(a.memory());
        }
        if (!a.memorySwap().isEmpty()) {
            l = l.memorySwap(a.memorySwap());
        }
        if (!a.memoryReservation().isEmpty()) {
            l = l.memoryReservation(a.memoryReservation());
        }
        if (!a.cpus().isEmpty()) {
            double cpus;
            try {
                cpus = Double.parseDouble(a.cpus());
            } catch (NumberFormatException e) {
                throw Errors.of(Errors.field(d), "invalid @WithLimits(cpus)", a.cpus(), "a positive decimal number of CPUs",
                        "@WithLimits(cpus = \"0.5\")");
            }
            l = l.cpus(cpus);
        }
        if (a.cpuShares() != 0) {
            l = l.cpuShares(a.cpuShares());
        }
        if (!a.cpuset().isEmpty()) {
            l = l.cpuset(a.cpuset());
        }
        if (a.pids() != 0) {
            l = l.pids(a.pids());
        }
        if (a.blkioWeight() != 0) {
            l = l.blkioWeight(a.blkioWeight());
        }
        if (!a.shmSize().isEmpty()) {
            l = l.shmSize(a.shmSize());
        }
        for (String u : a.ulimits()) {
            l = ulimit(d, l, u);
        }
        return a.oomKillDisabled() ? l.oomKillDisabled() : l;
    }

    private static Limits ulimit(Declaration d, Limits l, String text) {
        String[] nameValue = text.split("=", 2);
        try {
            if (nameValue.length == 2) {
                String[] softHard = nameValue[1].split(":", 2);
                long soft = Long.parseLong(softHard[0].trim());
                long hard = softHard.length == 2 ? Long.parseLong(softHard[1].trim()) : soft;
                return l.ulimit(nameValue[0].trim(), soft, hard);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Errors.of(Errors.field(d), "invalid @WithLimits(ulimits) entry", text, "\"name=soft:hard\" or \"name=limit\"",
                "@WithLimits(ulimits = \"nofile=1024:2048\")");
    }

    private static Namespaces namespaces(Declaration d, WithNamespaces a, Namespaces n) {
        if (!a.network().isEmpty()) {
            n = n.withNetwork(networkMode(d, a.network()));
        }
        if (!a.ipc().isEmpty()) {
            n = n.withIpc(ipcMode(d, a.ipc()));
        }
        if (!a.pid().isEmpty()) {
            n = n.withPid(pidMode(d, a.pid()));
        }
        if (a.init()) {
            n = n.withInit();
        }
        if (!a.hostname().isEmpty()) {
            n = n.withHostname(a.hostname());
        }
        if (!a.domainname().isEmpty()) {
            n = n.withDomainname(a.domainname());
        }
        if (a.hostUts()) {
            n = n.withHostUts();
        }
        if (!a.userns().isEmpty()) {
            n = n.withUsernsMode(a.userns());
        }
        if (!a.cgroupns().isEmpty()) {
            n = n.withCgroupnsMode(a.cgroupns());
        }
        return n;
    }

    private static NetworkMode networkMode(Declaration d, String mode) {
        return switch (mode) {
            case "bridge" -> NetworkMode.bridge();
            case "none" -> NetworkMode.none();
            case "host" -> NetworkMode.host();
            default -> NetworkMode.container(target(d, "network", mode, "bridge, none, host"));
        };
    }

    private static IpcMode ipcMode(Declaration d, String mode) {
        return switch (mode) {
            case "private" -> IpcMode.isolated();
            case "shareable" -> IpcMode.shareable();
            case "none" -> IpcMode.none();
            case "host" -> IpcMode.host();
            default -> IpcMode.container(target(d, "ipc", mode, "private, shareable, none, host"));
        };
    }

    private static PidMode pidMode(Declaration d, String mode) {
        return "host".equals(mode) ? PidMode.host() : PidMode.container(target(d, "pid", mode, "host"));
    }

    private static String target(Declaration d, String option, String mode, String words) {
        if (!mode.startsWith("container:") || mode.length() == "container:".length()) {
            throw Errors.of(Errors.field(d), "invalid @WithNamespaces(" + option + ")", mode,
                    words + " or container:<logical name>", "@WithNamespaces(" + option + " = \"container:db\")");
        }
        return mode.substring("container:".length());
    }

    private static Security security(WithSecurity a, Security s) {
        if (a.hardened()) {
            s = Security.hardened();
        }
        if (a.readOnlyRootfs()) {
            s = s.withReadOnlyRootfs();
        }
        for (String path : a.tmpfs()) {
            s = s.withTmpfs(path, "");
        }
        if (a.capAdd().length > 0) {
            s = s.withCapAdd(a.capAdd());
        }
        if (a.capDrop().length > 0) {
            s = s.withCapDrop(a.capDrop());
        }
        if (a.noNewPrivileges()) {
            s = s.withNoNewPrivileges();
        }
        if (!a.user().isEmpty()) {
            s = s.withUser(a.user());
        }
        if (a.privileged()) {
            s = s.withPrivileged();
        }
        switch (a.seccomp()) {
            case "" -> { }
            case "unconfined" -> s = s.withSeccompUnconfined();
            case "default" -> s = s.withSeccompDefault();
            default -> s = s.withSeccompProfile(Path.of(a.seccomp()));
        }
        if (!a.apparmor().isEmpty()) {
            s = s.withAppArmorProfile(a.apparmor());
        }
        if (!a.selinuxType().isEmpty()) {
            s = s.withSelinuxType(a.selinuxType());
        }
        if (!a.selinuxLevel().isEmpty()) {
            s = s.withSelinuxLevel(a.selinuxLevel());
        }
        return a.selinuxDisabled() ? s.withSelinuxDisabled() : s;
    }
}
