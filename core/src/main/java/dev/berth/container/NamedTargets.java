package dev.berth.container;

import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.RunningContainer;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a spec's {@code container:<name>} namespace references to the handles of the containers it starts
 * with or after, so a name always means the container of the same {@code startAll} call (or one it was
 * given as running), even when another container of that name runs in the same engine session.
 */
final class NamedTargets {
    private NamedTargets() {
    }

    /**
     * @param spec the spec about to start
     * @param ready the ready container of a name (a dependency or a running one), or null when there is none
     * @return the spec with every reference {@code ready} knows bound to its handle
     */
    static ContainerSpec bind(ContainerSpec spec, Function<String, RunningContainer> ready) {
        Namespaces n = spec.namespaces();
        RunningContainer c = target(n.network().flatMap(NetworkMode::target), ready);
        if (c != null) {
            n = n.withNetwork(NetworkMode.container(c));
        }
        c = target(n.ipc().flatMap(IpcMode::target), ready);
        if (c != null) {
            n = n.withIpc(IpcMode.container(c));
        }
        c = target(n.pid().flatMap(PidMode::target), ready);
        if (c != null) {
            n = n.withPid(PidMode.container(c));
        }
        return n == spec.namespaces() ? spec : spec.withNamespaces(n);
    }

    private static RunningContainer target(Optional<ContainerRef> ref, Function<String, RunningContainer> ready) {
        return ref.flatMap(ContainerRef::specName).map(ready).orElse(null);
    }
}
