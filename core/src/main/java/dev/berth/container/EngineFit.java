package dev.berth.container;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.Limits;
import dev.berth.EngineEndpoint;
import dev.berth.engine.EngineKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fits a spec to the engine that runs it, before anything is created: refuses what the engine would accept
 * but silently not apply (cgroup limits on rootless Docker without cgroup delegation, a domain name on
 * Podman, a private cgroup namespace without a cgroup per container) or would fail to start with the runtime's
 * text (a domain name on rootless Docker on cgroup v1), and rewrites what the engine takes in another form (an inline seccomp profile becomes a file
 * path for Podman on this machine). The engine kind is asked only when the spec needs it.
 */
final class EngineFit {
    private final Supplier<EngineKind> kind;
    private final EngineEndpoint endpoint;
    private final Path profiles;

    /**
     * @param kind the engine's kind, read on first use
     * @param endpoint where the engine listens (a seccomp file is only readable by a local engine)
     * @param profiles where seccomp profiles are written for Podman
     */
    EngineFit(Supplier<EngineKind> kind, EngineEndpoint endpoint, Path profiles) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.profiles = profiles;
    }

    /** @throws InvalidSpecException naming the engine and the feature it would not apply */
    void check(ContainerSpec spec) {
        Map<String, Object> limits = cgroupLimits(spec.limits());
        if (!limits.isEmpty()) {
            EngineKind k = kind.get();
            for (Map.Entry<String, Object> e : limits.entrySet()) {
                if (k.unapplied().contains(e.getKey())) {
                    throw new InvalidSpecException(e.getKey(), e.getValue(), "no " + e.getKey() + " limit on "
                            + k.describe() + ": the engine reports that it cannot apply it (no cgroup controller "
                            + "delegated to it, as with rootless Docker on cgroup v1) and would run the container "
                            + "without it; use a rootful engine or cgroup v2 with delegation for this test",
                            "Limits.none() on this engine");
                }
            }
        }
        String domain = spec.namespaces().domainname().orElse(null);
        if (domain != null && kind.get().podman()) {
            throw new InvalidSpecException("domainname", domain, "no domain name on " + kind.get().describe()
                    + ": its Docker-compatible API ignores it; set a fully qualified hostname instead or use a Docker "
                    + "engine", "Namespaces.defaults().withHostname(\"db\")");
        }
        if (domain != null && kind.get().rootless() && !kind.get().cgroupPerContainer()) {
            throw new InvalidSpecException("domainname", domain, "no domain name on " + kind.get().describe()
                    + ": its runtime is refused /proc/sys/kernel/domainname inside the engine's user namespace and "
                    + "the start would fail; set a fully qualified hostname instead or use a rootful engine",
                    "Namespaces.defaults().withHostname(\"db\")");
        }
        String cgroupns = spec.namespaces().cgroupnsMode().orElse(null);
        if ("private".equals(cgroupns) && kind.get().podman() && "1".equals(kind.get().cgroupVersion())) {
            throw new InvalidSpecException("cgroupns mode", cgroupns, "no private cgroup namespace on "
                    + kind.get().describe() + ": its Docker-compatible API ignores the mode on cgroup v1 and the "
                    + "container would share the host's cgroup namespace; use a Docker engine for this test",
                    "Namespaces.defaults().withCgroupnsMode(\"host\")");
        }
        if ("private".equals(cgroupns) && !kind.get().cgroupPerContainer()) {
            throw new InvalidSpecException("cgroupns mode", cgroupns, "no private cgroup namespace on "
                    + kind.get().describe() + ": without a cgroup driver the engine makes no cgroup for the "
                    + "container, so its namespace would still show the engine's own cgroup paths; use a rootful "
                    + "engine or cgroup v2 with delegation for this test",
                    "Namespaces.defaults().withCgroupnsMode(\"host\")");
        }
    }

    /**
     * @param securityOpts the security options about to be sent
     * @return them as this engine takes them: for Podman, an inline {@code seccomp=<json>} becomes
     *     {@code seccomp=<file>} (Podman's Docker API takes a path on the engine's host)
     */
    List<String> securityOpts(List<String> securityOpts) {
        if (securityOpts.stream().noneMatch(EngineFit::inlineSeccomp) || !kind.get().podman()) {
            return securityOpts;
        }
        List<String> out = new ArrayList<>();
        for (String opt : securityOpts) {
            if (!inlineSeccomp(opt)) {
                out.add(opt);
                continue;
            }
            if (!endpoint.isLocal()) {
                throw new InvalidSpecException("seccomp profile", "inline JSON", "a profile file on the engine's "
                        + "host: " + kind.get().describe() + " takes a path, not the profile's content, and it runs "
                        + "at " + endpoint.dockerHost() + ", where this process cannot write the file; use the "
                        + "engine's default profile or a local engine", "Security.defaults().withSeccompDefault()");
            }
            out.add("seccomp=" + write(opt.substring("seccomp=".length())));
        }
        return out;
    }

    private static boolean inlineSeccomp(String opt) {
        return opt.startsWith("seccomp=") && opt.substring("seccomp=".length()).trim().startsWith("{");
    }

    /** Writes the profile once per content, under its SHA-256, so concurrent starts share one file. */
    private Path write(String json) {
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            Path file = profiles.resolve("berth-seccomp-" + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + ".json");
            if (!Files.exists(file)) {
                Files.createDirectories(profiles);
                Path tmp = Files.createTempFile(profiles, "berth-seccomp-", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seccomp profile for Podman under " + profiles, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the cgroup limits the spec sets, by option name, with the value as the user would write it */
    static Map<String, Object> cgroupLimits(Limits l) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "memory", size(l.memoryBytes()));
        put(out, "memory swap", l.memorySwapBytes().equals(java.util.OptionalLong.of(-1)) ? "-1"
                : size(l.memorySwapBytes()));
        put(out, "memory reservation", size(l.memoryReservationBytes()));
        put(out, "cpus", l.nanoCpus().isEmpty() ? null : l.nanoCpus().getAsLong() / 1e9);
        l.cpuShares().ifPresent(v -> out.put("cpu shares", v));
        l.cpusetCpus().ifPresent(v -> out.put("cpuset cpus", v));
        l.cpusetMems().ifPresent(v -> out.put("cpuset mems", v));
        l.pidsLimit().ifPresent(v -> out.put("pids limit", v));
        l.blkioWeight().ifPresent(v -> out.put("blkio weight", v));
        put(out, "oom kill disable", l.oomKillDisable() ? Boolean.TRUE : null);
        return out;
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /** @return e.g. {@code "64m"} for 64 MiB, the exact byte count otherwise */
    private static String size(java.util.OptionalLong value) {
        if (value.isEmpty()) {
            return null;
        }
        long bytes = value.getAsLong();
        String[] units = {"g", "m", "k"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes > 0 && bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return bytes + "b";
    }
}
