package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.EngineEndpoint;
import dev.berth.engine.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each engine kind refuses or rewrites, before anything is created (engine-level runs: RootlessEngineTest, NamespacesEngineTest). */
class EngineFitTest {
    private static final EngineEndpoint LOCAL = new EngineEndpoint("unix:///run/podman.sock", false, Optional.empty(), "test");
    private static final EngineKind DOCKER = new EngineKind("Docker", "20.10.24", false, "1", "cgroupfs", Set.of());
    private static final EngineKind PODMAN = new EngineKind("Podman", "4.3.1", false, "1", "cgroupfs", Set.of());
    private static final EngineKind ROOTLESS = new EngineKind("Docker", "20.10.24", true, "1", "none",
            Set.copyOf(EngineKind.CGROUP_LIMITS));

    @TempDir
    Path tmp;

    private EngineFit fit(EngineKind kind) {
        return new EngineFit(() -> kind, LOCAL, tmp);
    }

    @Test
    void aMemoryLimitTheEngineWouldNotApplyIsRefusedNamingTheEngine() {
        ContainerSpec spec = ContainerSpec.of("busybox").withLimits(Limits.memory("64m"));
        assertThatThrownBy(() -> fit(ROOTLESS).check(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid memory: \"64m\". Allowed: no memory limit on rootless Docker 20.10.24 (cgroup v1, "
                        + "cgroup driver none): the engine reports that it cannot apply it (no cgroup controller "
                        + "delegated to it, as with rootless Docker on cgroup v1) and would run the container "
                        + "without it; use a rootful engine or cgroup v2 with delegation for this test. "
                        + "Example: Limits.none() on this engine.");
        fit(DOCKER).check(spec);
    }

    @Test
    void everyCgroupLimitIsNamedAsLimitsNamesIt() {
        Limits all = Limits.memory("1g").memorySwap("2g").memoryReservation("512m").cpus(0.5).cpuShares(512)
                .cpuset("0").cpusetMems("0").pids(64).blkioWeight(100).oomKillDisabled();
        assertThat(EngineFit.cgroupLimits(all)).containsOnlyKeys(EngineKind.CGROUP_LIMITS)
                .containsEntry("memory", "1g").containsEntry("cpus", 0.5).containsEntry("pids limit", 64L);
    }

    @Test
    void noLimitsMeansTheEngineIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        new EngineFit(() -> {
            asked.incrementAndGet();
            return ROOTLESS;
        }, LOCAL, tmp).check(ContainerSpec.of("busybox"));
        assertThat(asked).hasValue(0);
    }

    @Test
    void aDomainNameOnPodmanIsRefused() {
        ContainerSpec spec = ContainerSpec.of("busybox").withNamespaces(Namespaces.defaults().withDomainname("example.test"));
        assertThatThrownBy(() -> fit(PODMAN).check(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid domainname: \"example.test\". Allowed: no domain name on Podman 4.3.1 (cgroup v1, "
                        + "cgroup driver cgroupfs): its Docker-compatible API ignores it; set a fully qualified "
                        + "hostname instead or use a Docker engine. Example: Namespaces.defaults().withHostname(\"db\").");
        fit(DOCKER).check(spec);
    }

    @Test
    void aPrivateCgroupNamespaceOnPodmanWithCgroupV1IsRefused() {
        ContainerSpec spec = ContainerSpec.of("busybox").withNamespaces(Namespaces.defaults().withCgroupnsMode("private"));
        assertThatThrownBy(() -> fit(PODMAN).check(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid cgroupns mode: \"private\". Allowed: no private cgroup namespace on Podman 4.3.1 "
                        + "(cgroup v1, cgroup driver cgroupfs): its Docker-compatible API ignores the mode on cgroup v1 "
                        + "and the container would share the host's cgroup namespace; use a Docker engine for this "
                        + "test. Example: Namespaces.defaults().withCgroupnsMode(\"host\").");
        fit(DOCKER).check(spec);
        fit(new EngineKind("Podman", "4.3.1", false, "2", "systemd", Set.of())).check(spec);
        fit(PODMAN).check(ContainerSpec.of("busybox").withNamespaces(Namespaces.defaults().withCgroupnsMode("host")));
    }

    @Test
    void anInlineSeccompProfileBecomesAFileForALocalPodman() throws IOException {
        List<String> opts = List.of("no-new-privileges", "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
        List<String> podman = fit(PODMAN).securityOpts(opts);
        assertThat(podman.get(0)).isEqualTo("no-new-privileges");
        Path file = Path.of(podman.get(1).substring("seccomp=".length()));
        assertThat(file.getParent()).isEqualTo(tmp);
        assertThat(Files.readString(file)).isEqualTo("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
        assertThat(fit(PODMAN).securityOpts(opts)).isEqualTo(podman);
        assertThat(fit(DOCKER).securityOpts(opts)).isEqualTo(opts);
        assertThat(fit(PODMAN).securityOpts(List.of("seccomp=unconfined"))).containsExactly("seccomp=unconfined");
    }

    @Test
    void anInlineSeccompProfileForARemotePodmanIsRefused() {
        EngineFit remote = new EngineFit(() -> PODMAN, new EngineEndpoint("tcp://build:2376", true, Optional.of("/c"), "t"), tmp);
        assertThatThrownBy(() -> remote.securityOpts(List.of("seccomp={}"))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid seccomp profile: \"inline JSON\". Allowed: a profile file on the engine's host: "
                        + "Podman 4.3.1 (cgroup v1, cgroup driver cgroupfs) takes a path, not the profile's content, "
                        + "and it runs at tcp://build:2376, where this process cannot write the file; use the "
                        + "engine's default profile or a local engine. Example: Security.defaults().withSeccompDefault().");
    }

    @Test
    void aDomainNameAndAPrivateCgroupNamespaceOnRootlessDockerWithoutCgroupsAreRefused() {
        ContainerSpec domain = ContainerSpec.of("busybox").withNamespaces(Namespaces.defaults().withDomainname("example.test"));
        assertThatThrownBy(() -> fit(ROOTLESS).check(domain)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid domainname: \"example.test\". Allowed: no domain name on rootless Docker 20.10.24 "
                        + "(cgroup v1, cgroup driver none): its runtime is refused /proc/sys/kernel/domainname inside "
                        + "the engine's user namespace and the start would fail; set a fully qualified hostname instead "
                        + "or use a rootful engine. Example: Namespaces.defaults().withHostname(\"db\").");
        ContainerSpec cgroupns = ContainerSpec.of("busybox").withNamespaces(Namespaces.defaults().withCgroupnsMode("private"));
        assertThatThrownBy(() -> fit(ROOTLESS).check(cgroupns)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid cgroupns mode: \"private\". Allowed: no private cgroup namespace on rootless Docker "
                        + "20.10.24 (cgroup v1, cgroup driver none): without a cgroup driver the engine makes no cgroup "
                        + "for the container, so its namespace would still show the engine's own cgroup paths; use a "
                        + "rootful engine or cgroup v2 with delegation for this test. Example: "
                        + "Namespaces.defaults().withCgroupnsMode(\"host\").");
        fit(DOCKER).check(domain);
        fit(DOCKER).check(cgroupns);
    }
}
