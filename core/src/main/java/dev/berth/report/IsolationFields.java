package dev.berth.report;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The effective limits, namespaces and security fields of an inspected container, keeping only what
 * is set (non-zero, non-empty), with names as in {@code docker inspect}'s HostConfig.
 *
 * @param limits cgroup limits
 * @param namespaces namespace modes
 * @param security security fields
 */
record IsolationFields(Map<String, String> limits, Map<String, String> namespaces, Map<String, String> security) {

    static IsolationFields of(HostConfig h, ContainerConfig config) {
        Map<String, String> limits = new LinkedHashMap<>();
        Map<String, String> ns = new LinkedHashMap<>();
        Map<String, String> sec = new LinkedHashMap<>();
        if (h != null) {
            bytes(limits, "Memory", h.getMemory());
            bytes(limits, "MemorySwap", h.getMemorySwap());
            bytes(limits, "MemoryReservation", h.getMemoryReservation());
            if (h.getNanoCPUs() != null && h.getNanoCPUs() > 0) {
                limits.put("NanoCpus", h.getNanoCPUs() + " (" + Sizes.cpus(h.getNanoCPUs()) + " CPUs)");
            }
            number(limits, "CpuShares", h.getCpuShares());
            number(limits, "CpuQuota", h.getCpuQuota());
            number(limits, "CpuPeriod", h.getCpuPeriod());
            text(limits, "CpusetCpus", h.getCpusetCpus());
            text(limits, "CpusetMems", h.getCpusetMems());
            number(limits, "PidsLimit", h.getPidsLimit());
            number(limits, "BlkioWeight", h.getBlkioWeight());
            bytes(limits, "ShmSize", h.getShmSize());
            if (Boolean.TRUE.equals(h.getOomKillDisable())) {
                limits.put("OomKillDisable", "true");
            }
            if (h.getUlimits() != null && h.getUlimits().length > 0) {
                limits.put("Ulimits", Arrays.stream(h.getUlimits()).map(IsolationFields::ulimit)
                        .collect(Collectors.joining(", ")));
            }
            text(ns, "NetworkMode", h.getNetworkMode());
            text(ns, "PidMode", h.getPidMode());
            text(ns, "IpcMode", h.getIpcMode());
            text(ns, "UTSMode", h.getUtSMode());
            text(ns, "UsernsMode", h.getUsernsMode());
            text(ns, "CgroupnsMode", h.getCgroupnsMode());
            if (Boolean.TRUE.equals(h.getPrivileged())) {
                sec.put("Privileged", "true");
            }
            if (Boolean.TRUE.equals(h.getReadonlyRootfs())) {
                sec.put("ReadonlyRootfs", "true");
            }
            caps(sec, "CapAdd", h.getCapAdd());
            caps(sec, "CapDrop", h.getCapDrop());
            list(sec, "SecurityOpt", h.getSecurityOpts());
            list(sec, "GroupAdd", h.getGroupAdd());
        }
        if (config != null) {
            text(sec, "User", config.getUser());
        }
        return new IsolationFields(limits, ns, sec);
    }

    private static String ulimit(Ulimit u) {
        return u.getName() + "=" + u.getSoftLong() + ":" + u.getHardLong();
    }

    private static void bytes(Map<String, String> m, String name, Long v) {
        if (v != null && v != 0) {
            m.put(name, v < 0 ? String.valueOf(v) : v + " (" + Sizes.binary(v) + ")");
        }
    }

    private static void number(Map<String, String> m, String name, Number v) {
        if (v != null && v.longValue() != 0) {
            m.put(name, String.valueOf(v));
        }
    }

    private static void text(Map<String, String> m, String name, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(name, v);
        }
    }

    private static void caps(Map<String, String> m, String name, Capability[] caps) {
        if (caps != null && caps.length > 0) {
            m.put(name, Arrays.stream(caps).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static void list(Map<String, String> m, String name, List<String> v) {
        if (v != null && !v.isEmpty()) {
            m.put(name, String.join(", ", v));
        }
    }
}
