package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespacesTest {
    @Test
    void buildsCopies() {
        Namespaces base = Namespaces.defaults();
        Namespaces ns = base.withNetwork(NetworkMode.none()).withIpc(IpcMode.shareable()).withPid(PidMode.host())
                .withInit().withHostname("berth-uts").withDomainname("test.example").withUsernsMode("host")
                .withCgroupnsMode("private");
        assertThat(base.network()).isEmpty();
        assertThat(base.init()).isFalse();
        assertThat(ns.network().orElseThrow().mode()).isEqualTo("none");
        assertThat(ns.ipc().orElseThrow().mode()).isEqualTo("shareable");
        assertThat(ns.pid().orElseThrow().mode()).isEqualTo("host");
        assertThat(ns.init()).isTrue();
        assertThat(ns.hostname()).hasValue("berth-uts");
        assertThat(ns.domainname()).hasValue("test.example");
        assertThat(ns.usernsMode()).hasValue("host");
        assertThat(ns.cgroupnsMode()).hasValue("private");
        assertThat(ns.containerRefs()).isEmpty();
        assertThat(IpcMode.isolated().mode()).isEqualTo("private");
    }

    @Test
    void containerModesReferenceBySpecName() {
        Namespaces ns = Namespaces.defaults().withNetwork(NetworkMode.container("web"))
                .withIpc(IpcMode.container("db")).withPid(PidMode.container("db"));
        assertThat(ns.network().orElseThrow().toString()).isEqualTo("container:web");
        assertThat(ns.containerRefs()).extracting(r -> r.specName().orElseThrow()).containsExactly("web", "db", "db");
        assertThat(ns).isEqualTo(Namespaces.defaults().withNetwork(NetworkMode.container("web"))
                .withIpc(IpcMode.container("db")).withPid(PidMode.container("db")));
    }

    @Test
    void modesAreValidatedRecords() {
        assertThat(NetworkMode.none()).isEqualTo(new NetworkMode("none", Optional.empty()));
        assertThatThrownBy(() -> new NetworkMode("bridged", Optional.empty()))
                .hasMessage("Invalid network mode: \"bridged\". Allowed: one of [bridge, container, host, none], with "
                        + "a container reference for container. Example: NetworkMode.container(\"db\").");
        assertThatThrownBy(() -> new PidMode("container", Optional.empty()))
                .hasMessage("Invalid pid mode: \"container\". Allowed: one of [container, host], with a container "
                        + "reference for container. Example: PidMode.container(\"db\").");
        assertThatThrownBy(() -> new IpcMode("host", Optional.of(ContainerRef.named("db"))))
                .hasMessage("Invalid ipc mode: \"host:db\". Allowed: one of [container, host, none, private, "
                        + "shareable], with a container reference for container. Example: IpcMode.container(\"db\").");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> IpcMode.container("has space"))
                .hasMessage("Invalid container reference: \"has space\". Allowed: the logical name of a spec started"
                        + " in the same session, or its RunningContainer handle. Example: IpcMode.container(\"db\").");
        assertThatThrownBy(() -> Namespaces.defaults().withDomainname("-bad."))
                .hasMessage("Invalid domainname: \"-bad.\". Allowed: dot-separated labels of letters, digits or "
                        + "'-'. Example: \"test.example\".");
        assertThatThrownBy(() -> Namespaces.defaults().withCgroupnsMode("shared"))
                .hasMessage("Invalid cgroupns mode: \"shared\". Allowed: \"private\" or \"host\". "
                        + "Example: withCgroupnsMode(\"private\").");
        assertThatThrownBy(() -> Namespaces.defaults().withUsernsMode("private"))
                .hasMessage("Invalid userns mode: \"private\". Allowed: \"host\" (the engine's default applies "
                        + "otherwise). Example: withUsernsMode(\"host\").");
    }
}
