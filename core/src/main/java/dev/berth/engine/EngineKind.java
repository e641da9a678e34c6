package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which engine answers the Docker API and what it can do, read from {@code info} and {@code version}:
 * Podman names itself in the version's components ({@code "Podman Engine"}); rootless Docker lists
 * {@code name=rootless} in its security options; an engine that cannot apply memory limits says so
 * ({@code MemoryLimit: false}, …; rootless Docker on cgroup v1 has cgroup driver {@code none} and applies none).
 *
 * @param product {@code "Docker"} or {@code "Podman"}
 * @param version the product's version, e.g. {@code "4.3.1"}
 * @param rootless the engine runs without root
 * @param cgroupVersion {@code "1"}, {@code "2"} or empty
 * @param cgroupDriver {@code "cgroupfs"}, {@code "systemd"}, {@code "none"} or empty
 * @param unapplied the cgroup limits (named as {@link dev.berth.Limits} names them: {@code "memory"},
 *     {@code "cpus"}, …) the engine would accept but not apply
 */
public record EngineKind(String product, String version, boolean rootless, String cgroupVersion,
                         String cgroupDriver, Set<String> unapplied) {
    /** Every cgroup limit {@link dev.berth.Limits} sets, by the option name its errors use. */
    public static final List<String> CGROUP_LIMITS = List.of("memory", "memory swap", "memory reservation", "cpus",
            "cpu shares", "cpuset cpus", "cpuset mems", "pids limit", "blkio weight", "oom kill disable");

    /** Copies the set so the value stays immutable. */
    public EngineKind {
        unapplied = Set.copyOf(unapplied);
    }

    /** The product name Podman's version components carry. */
    public static final String PODMAN = "Podman";
    /** The product name of every other engine. */
    public static final String DOCKER = "Docker";

    /**
     * @param docker the engine client
     * @return what the engine reports about itself (two calls: info, version)
     */
    public static EngineKind read(DockerClient docker) {
        return of(SelfDescription.read(docker));
    }

    /**
     * @param docker the engine client
     * @return a supplier that reads the engine kind on first use and keeps it; thread-safe ({@link EngineFacts})
     */
    public static Supplier<EngineKind> lazy(DockerClient docker) {
        return new EngineFacts(docker);
    }

    /**
     * @param self the engine's {@code /info} and {@code /version}
     * @return the kind they describe
     */
    public static EngineKind of(SelfDescription self) {
        String product = DOCKER;
        String productVersion = !self.infoText("ServerVersion").isEmpty() ? self.infoText("ServerVersion")
                : self.versionText("Version");
        JsonNode components = self.version().get("Components");
        if (components != null && components.isArray()) {
            for (JsonNode c : components) {
                String name = c.path("Name").asText("");
                if (name.toLowerCase(Locale.ROOT).startsWith("podman")) {
                    product = PODMAN;
                    productVersion = c.path("Version").isNull() ? "" : c.path("Version").asText("");
                }
            }
        }
        boolean rootless = self.securityOptions().stream().anyMatch(s -> s.contains("name=rootless"));
        String driver = self.infoText("CgroupDriver");
        return new EngineKind(product, productVersion, rootless, self.infoText("CgroupVersion"), driver,
                unapplied(self, driver));
    }

    /** Limits the engine says it cannot apply: all of them without a cgroup driver ({@code none}). */
    private static Set<String> unapplied(SelfDescription self, String driver) {
        if (driver.equals("none")) {
            return new LinkedHashSet<>(CGROUP_LIMITS);
        }
        Set<String> out = new LinkedHashSet<>();
        if (self.infoFalse("MemoryLimit")) {
            out.addAll(List.of("memory", "memory reservation"));
        }
        if (self.infoFalse("SwapLimit")) {
            out.add("memory swap");
        }
        if (self.infoFalse("CpuCfsQuota")) {
            out.add("cpus");
        }
        if (self.infoFalse("CPUShares")) {
            out.add("cpu shares");
        }
        if (self.infoFalse("CPUSet")) {
            out.addAll(List.of("cpuset cpus", "cpuset mems"));
        }
        return out;
    }

    /** @return true for Podman's Docker-compatible API */
    public boolean podman() {
        return PODMAN.equals(product);
    }

    /**
     * @return false when the engine has no cgroup driver ({@code none}, rootless Docker on cgroup v1): it creates
     *     no cgroup per container, so it can neither pause one (no freezer) nor give it a cgroup namespace of its own
     */
    public boolean cgroupPerContainer() {
        return !"none".equals(cgroupDriver);
    }

    /** @return e.g. {@code "Podman 4.3.1"}, {@code "rootless Docker 20.10.24 (cgroup v1, cgroup driver none)"} */
    public String describe() {
        String name = (rootless ? "rootless " : "") + product + " " + version;
        return cgroupVersion.isEmpty() ? name
                : name + " (cgroup v" + cgroupVersion + ", cgroup driver " + (cgroupDriver.isEmpty() ? "?" : cgroupDriver)
                + ")";
    }
}
