package dev.berth.cli;

import dev.berth.Discovery;
import dev.berth.Engine;
import dev.berth.EngineDetails;
import dev.berth.EngineInfo;
import dev.berth.LeftoverResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The doctor's checks, each asking the engine (or this host) one question. */
final class DoctorChecks {
    static final String START_ENGINE = "start Docker (e.g. systemctl start docker, or scripts/ensure-engine), or set "
            + "DOCKER_HOST to where an engine listens (unix:///path/to/docker.sock or tcp://host:2376)";
    static final List<String> ENGINE_CHECKS = List.of("engine version", "cgroups", "namespaces", "security modules",
            "registry", "disk space", "leftovers", "clock skew");
    static final long GIB = 1L << 30;

    private final Engine engine;

    DoctorChecks(Engine engine) {
        this.engine = engine;
    }

    static Check discovery(Discovery d, boolean pinned) {
        List<String> lines = new ArrayList<>();
        d.attempts().forEach(a -> lines.add(a.location() + ": " + a.outcome()));
        if (d.answered().isEmpty()) {
            return Check.fail("engine discovery", "no engine answered", START_ENGINE, lines.toArray(String[]::new));
        }
        String how = pinned ? " (DOCKER_HOST; nothing else is tried)" : "";
        return Check.pass("engine discovery", d.answered().get() + " answered" + how, lines.toArray(String[]::new));
    }

    List<Check> engineChecks() {
        Instant before = Instant.now();
        EngineDetails details = engine.details();
        Instant after = Instant.now();
        EngineInfo info = details.info();
        return List.of(version(info), cgroups(info, details), namespaces(info), security(info), registry(),
                disk(details), leftovers(), clock(details, before.plus(Duration.between(before, after).dividedBy(2))));
    }

    private static Check version(EngineInfo info) {
        return Check.pass("engine version", info.product() + " " + info.serverVersion() + ", API " + info.apiVersion() + ", "
                + info.operatingSystem() + ", kernel " + info.kernelVersion());
    }

    private static Check cgroups(EngineInfo info, EngineDetails d) {
        List<String> missing = d.limitsNotApplied();
        List<String> work = d.limitsApplied();
        String detail = "v" + info.cgroupVersion() + " (" + info.cgroupDriver() + "); limits that work: "
                + (work.isEmpty() ? "none" : String.join(", ", work))
                + (missing.isEmpty() ? "" : "; not applied: " + String.join(", ", missing));
        if (missing.contains("memory") || missing.contains("cpus")) {
            return Check.fail("cgroups", detail, "enable the memory and cpu cgroup controllers (kernel command line "
                    + "cgroup_enable=memory swapaccount=1), or use a cgroup v2 host; until then specs with these "
                    + "limits fail validation");
        }
        if (!missing.isEmpty()) {
            return Check.warn("cgroups", detail, "specs that set " + String.join(", ", missing) + " fail validation"
                    + " on this engine (memory swap: boot with swapaccount=1)");
        }
        return Check.pass("cgroups", detail);
    }

    private Check namespaces(EngineInfo info) {
        EngineInfo.SecurityOptions s = info.security();
        String detail = "pid, net, ipc, uts, mount per container; user namespaces: "
                + (s.rootless() ? "rootless engine" : s.userns() ? "remapped (userns-remap)" : "not remapped")
                + (s.cgroupns() ? "; private cgroup namespace" : "");
        Optional<String> max = local() ? read(Path.of("/proc/sys/user/max_user_namespaces")) : Optional.empty();
        if (max.isPresent() && max.get().equals("0")) {
            return Check.warn("namespaces", detail + "; user.max_user_namespaces=0 on this host",
                    "sysctl -w user.max_user_namespaces=15000 (rootless engines and user-namespace tests need it)");
        }
        return Check.pass("namespaces", detail + max.map(m -> "; user.max_user_namespaces=" + m).orElse(""));
    }

    private static Check security(EngineInfo info) {
        EngineInfo.SecurityOptions s = info.security();
        return Check.pass("security modules", "SELinux " + (s.selinux() ? "on" : "off") + ", AppArmor "
                + (s.apparmor() ? "on" : "off") + ", seccomp " + (s.seccomp() ? s.seccompProfile().isEmpty() ? "on"
                : s.seccompProfile() : "off"));
    }

    private Check registry() {
        String mirror = engine.options().registryMirror().orElse(null);
        String target = mirror != null ? mirror : "127.0.0.1:5000";
        String what = mirror != null ? "mirror " + mirror + " (BERTH_REGISTRY_MIRROR)" : "loopback registry 127.0.0.1:5000";
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + target + "/v2/"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200 || r.statusCode() == 401) {
                return Check.pass("registry", what + " answers (HTTP " + r.statusCode() + ")");
            }
            return Check.warn("registry", what + " answered HTTP " + r.statusCode() + " to /v2/",
                    "point BERTH_REGISTRY_MIRROR at a Docker registry (host:port)");
        } catch (IOException e) {
            return Check.warn("registry", what + " does not answer (" + e.getClass().getSimpleName() + ")",
                    mirror != null ? "start the mirror or unset BERTH_REGISTRY_MIRROR"
                            : "images must already be on the engine or be loaded from archives (berth cache load); "
                            + "start a registry on 127.0.0.1:5000 or set BERTH_REGISTRY_MIRROR=host:port to pull");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.warn("registry", "interrupted", "run again");
        }
    }

    private Check disk(EngineDetails d) {
        if (d.dataRoot().isEmpty()) {
            return Check.warn("disk space", "the engine does not report its data root", "check free space where "
                    + "the engine keeps images");
        }
        Path root = Path.of(d.dataRoot().get());
        if (!local() || !Files.isDirectory(root)) {
            return Check.warn("disk space", d.dataRoot().get() + " is not visible from here (remote or rootless engine)",
                    "check free space on the engine's host (df -h " + root + ")");
        }
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            String detail = String.format(Locale.ROOT, "%.1f GiB free in %s", free / (double) GIB, root);
            if (free < GIB) {
                return Check.fail("disk space", detail, "free space: berth sweep --remove, berth cache prune "
                        + "--max-size 5g, or docker image prune for images you do not need");
            }
            if (free < 5 * GIB) {
                return Check.warn("disk space", detail, "under 5 GiB: berth sweep --remove or berth cache prune");
            }
            return Check.pass("disk space", detail);
        } catch (IOException e) {
            return Check.warn("disk space", "cannot read free space in " + root + ": " + e.getMessage(),
                    "run as a user who can read " + root);
        }
    }

    private Check leftovers() {
        List<LeftoverResource> found = engine.leftovers().find(Optional.empty());
        if (found.isEmpty()) {
            return Check.pass("leftovers", "none from dead sessions");
        }
        return Check.warn("leftovers", found.size() + " resource(s) of dead sessions", "berth sweep --remove",
                found.stream().map(LeftoverResource::description).toArray(String[]::new));
    }

    private static Check clock(EngineDetails d, Instant jvm) {
        if (d.engineTime().isEmpty()) {
            return Check.warn("clock skew", "the engine does not report its time", "compare date on both hosts");
        }
        long skew = Duration.between(jvm, d.engineTime().get()).toMillis();
        String detail = "engine is " + Math.abs(skew) + " ms " + (skew >= 0 ? "ahead of" : "behind") + " this JVM";
        if (Math.abs(skew) > 2000) {
            return Check.warn("clock skew", detail, "synchronise the clocks (NTP); sweep ages and report timelines "
                    + "are off by the skew");
        }
        return Check.pass("clock skew", "within 2 s (" + detail + ")");
    }

    private boolean local() {
        return engine.endpoint().dockerHost().startsWith("unix://");
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
