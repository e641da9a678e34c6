package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.IpcMode;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.RunningContainer;
import org.junit.jupiter.api.Test;

/** Namespace options observed from inside containers on the real engine. */
class NamespacesEngineTest extends EngineTestSupport {
    @Test
    void hostnameAndDomainnameAreTheContainersOwn() {
        if (podman()) { // Podman's Docker API ignores the domain name: Berth refuses it before creating anything
            assertThatThrownBy(() -> engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                    .withHostname("berth-uts").withDomainname("test.example"))))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("Invalid domainname: \"test.example\". Allowed: no domain name on Podman 4.")
                    .hasMessageEndingWith(": its Docker-compatible API ignores it; set a fully qualified hostname "
                            + "instead or use a Docker engine. Example: Namespaces.defaults().withHostname(\"db\").");
            return;
        }
        if (rootlessWithoutCgroups()) { // runc is refused /proc/sys/kernel/domainname: Berth refuses it up front
            assertThatThrownBy(() -> engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                    .withHostname("berth-uts").withDomainname("test.example"))))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid domainname: \"test.example\". Allowed: no domain name on "
                            + engineDescription() + ": its runtime is refused /proc/sys/kernel/domainname inside the "
                            + "engine's user namespace and the start would fail; set a fully qualified hostname "
                            + "instead or use a rootful engine. Example: Namespaces.defaults().withHostname(\"db\").");
            assertThat(engine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(java.util.Map.of("dev.berth.session", engine.session().id())).exec()).isEmpty();
            return;
        }
        try (RunningContainer c = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withHostname("berth-uts").withDomainname("test.example")))) {
            assertThat(Shell.exec(engine, c, "hostname; cat /proc/sys/kernel/domainname").out())
                    .isEqualTo("berth-uts\ntest.example");
        }
    }

    @Test
    void shareableIpcIsSharedWithItsJoinerButNotWithAPrivateThird() {
        try (RunningContainer owner = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withIpc(IpcMode.shareable())));
             RunningContainer joiner = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withIpc(IpcMode.container(owner))));
             RunningContainer third = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withIpc(IpcMode.isolated())))) {
            String ns = "readlink /proc/self/ns/ipc";
            String ownerNs = Shell.exec(engine, owner, ns).out();
            assertThat(ownerNs).startsWith("ipc:[");
            assertThat(Shell.exec(engine, joiner, ns).out()).isEqualTo(ownerNs);
            assertThat(Shell.exec(engine, third, ns).out()).isNotEqualTo(ownerNs);

            Shell.exec(engine, owner, "echo segment > /dev/shm/berth-ipc");
            String read = "cat /dev/shm/berth-ipc 2>/dev/null || echo absent";
            assertThat(Shell.exec(engine, joiner, read).out()).isEqualTo("segment");
            assertThat(Shell.exec(engine, third, read).out()).isEqualTo("absent");
        }
    }

    @Test
    void pidNamespaceOfAnotherContainerShowsItsProcesses() {
        try (RunningContainer target = engine.start(Shell.idle().withCommand("sleep", "3601"));
             RunningContainer viewer = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withPid(PidMode.container(target))));
             RunningContainer isolated = engine.start(Shell.idle())) {
            assertThat(Shell.exec(engine, viewer, "ps -o args").out()).contains("sleep 3601", "sleep 3600");
            assertThat(Shell.exec(engine, isolated, "ps -o args").out()).doesNotContain("sleep 3601");
        }
    }

    @Test
    @SuppressWarnings("try")
    void networkNamespaceOfAnotherContainerReachesItsLocalhostPort() {
        try (RunningContainer web = engine.start(Shell.idle().withName("web").withCommand("sh", "-c",
                "mkdir -p /www && echo hello-berth > /www/index.html && httpd -f -p 127.0.0.1:8080 -h /www"));
             RunningContainer client = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withNetwork(NetworkMode.container("web"))))) {
            String fetch = "for i in $(seq 1 50); do wget -qO- http://127.0.0.1:8080/ && exit 0; sleep 0.2; done;"
                    + " exit 1";
            assertThat(Shell.exec(engine, client, fetch).out()).isEqualTo("hello-berth");
        }
    }

    @Test
    void networkNoneHasOnlyLoopback() {
        try (RunningContainer c = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withNetwork(NetworkMode.none())))) {
            assertThat(Shell.exec(engine, c, "ls /sys/class/net").out()).isEqualTo("lo");
        }
    }

    @Test
    void privateCgroupNamespaceHidesTheHostsCgroupPaths() {
        if (podman() && engine.info().cgroupVersion().equals("1")) { // Podman's Docker API ignores it on cgroup v1
            assertThatThrownBy(() -> engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                    .withCgroupnsMode("private"))))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("Invalid cgroupns mode: \"private\". Allowed: no private cgroup namespace "
                            + "on Podman 4.")
                    .hasMessageEndingWith(": its Docker-compatible API ignores the mode on cgroup v1 and the container "
                            + "would share the host's cgroup namespace; use a Docker engine for this test. Example: "
                            + "Namespaces.defaults().withCgroupnsMode(\"host\").");
            return;
        }
        if (rootlessWithoutCgroups()) { // no cgroup per container: a private namespace would show the engine's paths
            assertThatThrownBy(() -> engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                    .withCgroupnsMode("private"))))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid cgroupns mode: \"private\". Allowed: no private cgroup namespace on "
                            + engineDescription() + ": without a cgroup driver the engine makes no cgroup for the "
                            + "container, so its namespace would still show the engine's own cgroup paths; use a "
                            + "rootful engine or cgroup v2 with delegation for this test. Example: "
                            + "Namespaces.defaults().withCgroupnsMode(\"host\").");
            return;
        }
        try (RunningContainer own = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withCgroupnsMode("private")));
             RunningContainer shared = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withCgroupnsMode("host")))) {
            String ns = "readlink /proc/self/ns/cgroup";
            assertThat(Shell.exec(engine, own, ns).out()).isNotEqualTo(Shell.exec(engine, shared, ns).out());
            String memoryPath = "grep -E '(:memory:|^0::)' /proc/self/cgroup | head -1 | cut -d: -f3";
            assertThat(Shell.exec(engine, own, memoryPath).out()).isEqualTo("/");
            assertThat(Shell.exec(engine, shared, memoryPath).out()).contains(shared.id());
        }
    }

    @Test
    void initRunsAsPid1AndForwardsSigterm() {
        try (RunningContainer c = engine.start(Shell.idle().withNamespaces(Namespaces.defaults().withInit()))) {
            assertThat(Shell.exec(engine, c, "cat /proc/1/comm").out()).isEqualTo(podman() ? "podman-init" : "docker-init");
            engine.docker().stopContainerCmd(c.id()).withTimeout(30).exec();
            // sleep as PID 1 would ignore SIGTERM and be killed after the timeout (137); under init it gets it: 143
            assertThat(engine.docker().inspectContainerCmd(c.id()).exec().getState().getExitCodeLong()).isEqualTo(143L);
        }
    }

    private boolean rootlessWithoutCgroups() {
        return engine.info().security().rootless() && !dev.berth.EngineAbilities.cgroupPerContainer(engine);
    }

    /** As Berth's errors name the engine, e.g. "rootless Docker 20.10.24+dfsg1 (cgroup v1, cgroup driver none)". */
    private String engineDescription() {
        dev.berth.EngineInfo i = engine.info();
        return "rootless " + i.product() + " " + i.serverVersion() + " (cgroup v" + i.cgroupVersion()
                + ", cgroup driver " + i.cgroupDriver() + ")";
    }

    private boolean podman() {
        return engine.info().product().equals("Podman");
    }
}
