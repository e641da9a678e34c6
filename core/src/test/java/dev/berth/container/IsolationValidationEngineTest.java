package dev.berth.container;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine- and session-dependent checks fail before anything is created. */
class IsolationValidationEngineTest extends EngineTestSupport {
    private List<?> containersOfThisSession() {
        return engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(Session.LABEL_SESSION + "=" + Internals.ledger(engine).id())).exec();
    }

    private void assertRejectedBeforeCreation(ContainerSpec spec, String message) {
        assertThatThrownBy(() -> engine.start(spec)).isInstanceOf(InvalidSpecException.class).hasMessage(message);
        assertThat(containersOfThisSession()).isEmpty();
        assertThat(Internals.ledger(engine).heldNewestFirst()).isEmpty();
    }

    @Test
    void cpusAboveTheEnginesCpuCount() {
        int cpus = engine.docker().infoCmd().exec().getNCPU();
        assertRejectedBeforeCreation(Shell.idle().withLimits(Limits.none().cpus(cpus + 1)),
                "Invalid cpus: " + (double) (cpus + 1) + ". Allowed: more than 0 and at most the engine's " + cpus
                        + " CPUs (docker info: NCPU). Example: 0.5.");
    }

    @Test
    void cpusetNamingCpusThatDoNotExist() {
        int cpus = engine.docker().infoCmd().exec().getNCPU();
        assertRejectedBeforeCreation(Shell.idle().withLimits(Limits.none().cpuset("0," + cpus)),
                "Invalid cpuset cpus: \"0," + cpus + "\". Allowed: CPUs that exist on the engine: "
                        + (cpus == 1 ? "0" : "0 to " + (cpus - 1)) + " (it has " + cpus + " CPUs). Example: \"0\".");
    }

    @Test
    void publishedPortsWithHostNetworking() {
        assertRejectedBeforeCreation(Shell.idle().withExposedPorts(8080)
                        .withNamespaces(Namespaces.defaults().withNetwork(NetworkMode.host())),
                "Invalid network mode: \"host\". Allowed: published ports only with bridge networking (with network "
                        + "mode host, none or container:<other> the container has no ports of its own); drop the "
                        + "ports or the network mode. Example: NetworkMode.bridge() with withExposedPorts(8080).");
    }

    @Test
    void containerReferenceOutsideTheSession() {
        try (Engine other = Berth.connect(); RunningContainer foreign = other.start(Shell.idle())) {
            assertRejectedBeforeCreation(Shell.idle().withNamespaces(Namespaces.defaults()
                            .withIpc(IpcMode.container(foreign))),
                    "Invalid ipc mode: \"container:" + foreign.name() + "\". Allowed: a container started and still "
                            + "held by this engine session (session " + Internals.ledger(engine).id() + " holds 0 "
                            + "container(s)), given by its RunningContainer handle or spec name. "
                            + "Example: IpcMode.container(dbHandle).");
        }
        assertRejectedBeforeCreation(Shell.idle().withNamespaces(Namespaces.defaults()
                        .withPid(PidMode.container("never-started"))),
                "Invalid pid mode: \"container:never-started\". Allowed: a container started and still held by this "
                        + "engine session (session " + Internals.ledger(engine).id() + " holds 0 container(s)), given by "
                        + "its RunningContainer handle or spec name. Example: PidMode.container(dbHandle).");
    }

    @Test
    void joiningAnIpcNamespaceThatIsNotShareable() {
        try (RunningContainer owner = engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                .withIpc(IpcMode.isolated())))) {
            assertThatThrownBy(() -> engine.start(Shell.idle().withNamespaces(Namespaces.defaults()
                    .withIpc(IpcMode.container(owner)))))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid ipc mode: \"container:" + owner.name() + "\". Allowed: a container whose IPC "
                            + "mode is shareable (it has private); start it with Namespaces.defaults().withIpc("
                            + "IpcMode.shareable()). Example: IpcMode.container(owner) where owner uses "
                            + "IpcMode.shareable().");
            assertThat(containersOfThisSession()).hasSize(1);
        }
    }

    @Test
    void closedContainerIsNoLongerReferenceable() {
        RunningContainer gone = engine.start(Shell.idle());
        gone.close();
        assertRejectedBeforeCreation(Shell.idle().withNamespaces(Namespaces.defaults()
                        .withPid(PidMode.container(gone))),
                "Invalid pid mode: \"container:" + gone.name() + "\". Allowed: a container started and still held by "
                        + "this engine session (session " + Internals.ledger(engine).id() + " holds 0 container(s)), given "
                        + "by its RunningContainer handle or spec name. Example: PidMode.container(dbHandle).");
    }
}
