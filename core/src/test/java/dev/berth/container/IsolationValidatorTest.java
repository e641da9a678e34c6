package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.RunningContainer;
import dev.berth.Security;
import dev.berth.session.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationValidatorTest {
    private static final ContainerSpec BUSYBOX = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1");

    @Test
    void rejectsPublishedPortsWithoutOwnNetwork() {
        assertThatThrownBy(() -> IsolationValidator.checkConflicts(BUSYBOX.withExposedPorts(80)
                .withNamespaces(Namespaces.defaults().withNetwork(NetworkMode.host()))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid network mode: \"host\". Allowed: published ports only with bridge networking "
                        + "(with network mode host, none or container:<other> the container has no ports of its own);"
                        + " drop the ports or the network mode. Example: NetworkMode.bridge() with "
                        + "withExposedPorts(8080).");
        assertThatThrownBy(() -> IsolationValidator.checkConflicts(BUSYBOX.withFixedPort(80, 18080)
                .withNamespaces(Namespaces.defaults().withNetwork(NetworkMode.container("web")))))
                .hasMessageStartingWith("Invalid network mode: \"container:web\". Allowed: published ports only");
        IsolationValidator.checkConflicts(BUSYBOX.withExposedPorts(80)
                .withNamespaces(Namespaces.defaults().withNetwork(NetworkMode.bridge())));
    }

    @Test
    void rejectsNetworkAliasesWithoutOwnNetwork() {
        assertThatThrownBy(() -> IsolationValidator.checkConflicts(BUSYBOX.withNetwork("backend", "db")
                .withNamespaces(Namespaces.defaults().withNetwork(NetworkMode.none()))))
                .hasMessage("Invalid network mode: \"none\". Allowed: networks and network aliases only with bridge "
                        + "networking (with network mode host, none or container:<other> the container joins no "
                        + "network of its own); drop withNetwork(…) or the network mode. "
                        + "Example: NetworkMode.bridge() with withNetwork(\"backend\", \"db\").");
    }

    @Test
    void rejectsHostnameWhenSharingAnotherContainersNetwork() {
        assertThatThrownBy(() -> IsolationValidator.checkConflicts(BUSYBOX.withNamespaces(Namespaces.defaults()
                .withNetwork(NetworkMode.container("web")).withHostname("mine"))))
                .hasMessage("Invalid network mode: \"container:web\". Allowed: no hostname or domainname of its own "
                        + "with network mode container:<other> (it shares the other's UTS settings). "
                        + "Example: NetworkMode.container(other) without withHostname(…).");
    }

    @Test
    void checksCpusAgainstTheEngine() {
        assertThatThrownBy(() -> IsolationValidator.checkCpus(Limits.none().cpus(2.5), () -> 2))
                .hasMessage("Invalid cpus: 2.5. Allowed: more than 0 and at most the engine's 2 CPUs "
                        + "(docker info: NCPU). Example: 0.5.");
        assertThatThrownBy(() -> IsolationValidator.checkCpus(Limits.none().cpuset("0,2-3"), () -> 2))
                .hasMessage("Invalid cpuset cpus: \"0,2-3\". Allowed: CPUs that exist on the engine: 0 to 1 "
                        + "(it has 2 CPUs). Example: \"0\".");
        IsolationValidator.checkCpus(Limits.none().cpus(2).cpuset("0-1"), () -> 2);
        IsolationValidator.checkCpus(Limits.memory("64m"), () -> {
            throw new AssertionError("info is not needed without CPU limits");
        });
    }

    @Test
    void resolvesReferencesOnlyWithinTheSession() {
        Session session = Session.create();
        session.record(Session.Kind.CONTAINER, "abc123", "berth-db-1234abcd-5f");
        RunningContainer db = handle("abc123", "berth-db-1234abcd-5f");
        Map<ContainerRef, String> ids = IsolationValidator.resolve(Namespaces.defaults()
                .withIpc(IpcMode.container(db)).withPid(PidMode.container("db")), session);
        assertThat(ids).containsValues("abc123").hasSize(2);

        RunningContainer stranger = handle("fff999", "berth-other-99999999-1");
        assertThatThrownBy(() -> IsolationValidator.resolve(Namespaces.defaults()
                .withIpc(IpcMode.container(stranger)), session))
                .hasMessage("Invalid ipc mode: \"container:berth-other-99999999-1\". Allowed: a container started and"
                        + " still held by this engine session (session " + session.id() + " holds 1 container(s)),"
                        + " given by its RunningContainer handle or spec name. Example: IpcMode.container(dbHandle).");
        assertThatThrownBy(() -> IsolationValidator.resolve(Namespaces.defaults()
                .withNetwork(NetworkMode.container("web")), session))
                .hasMessage("Invalid network mode: \"container:web\". Allowed: a container started and still held"
                        + " by this engine session (session " + session.id() + " holds 1 container(s)), given by its"
                        + " RunningContainer handle or spec name. Example: NetworkMode.container(\"db\").");
    }

    private static RunningContainer handle(String id, String name) {
        RunningContainer c = org.mockito.Mockito.mock(RunningContainer.class);
        org.mockito.Mockito.lenient().when(c.id()).thenReturn(id);
        org.mockito.Mockito.lenient().when(c.name()).thenReturn(name);
        org.mockito.Mockito.lenient().when(c.spec()).thenReturn(BUSYBOX);
        org.mockito.Mockito.lenient().when(c.host()).thenReturn("127.0.0.1");
        return c;
    }
}
