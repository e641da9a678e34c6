package dev.berth.container;

import dev.berth.Internals;
import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.EngineTestSupport;
import dev.berth.ContainerStartException;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import dev.berth.wait.Wait;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartAllTest extends EngineTestSupport {
    static ContainerSpec slowReady(String name) {
        // ready only 1 s after start: a dependent must start after that
        return ContainerSpec.of(BUSYBOX).withName(name)
                .withCommand("sh", "-c", "sleep 1; echo ready; sleep 600")
                .waitingFor(Wait.forLogMessage("ready"));
    }

    @Test
    void theSameUnnamedSpecListedThreeTimesStartsThreeContainers() {
        ContainerSpec sleeper = ContainerSpec.of(BUSYBOX).withCommand("sleep", "600");
        List<RunningContainer> started = engine.startAll(java.util.Collections.nCopies(3, sleeper));
        try {
            assertThat(started).extracting(RunningContainer::id).doesNotHaveDuplicates().hasSize(3);
        } finally {
            started.forEach(RunningContainer::close);
        }
    }

    @Test
    void dependsOnOrderIsObservedFromStartTimes() {
        List<RunningContainer> started = engine.startAll(
                slowReady("app").withDependsOn("db", "cache"),
                slowReady("db"),
                slowReady("cache"),
                slowReady("web").withDependsOn("app"));
        try {
            assertThat(started).extracting(c -> c.spec().name().orElseThrow()).containsExactly("app", "db", "cache", "web");
            Instant app = startedAt(started.get(0));
            Instant db = startedAt(started.get(1));
            Instant cache = startedAt(started.get(2));
            Instant web = startedAt(started.get(3));
            System.out.printf("started: db %s, cache %s, app %s, web %s%n", db, cache, app, web);
            // the dependent starts after each dependency was ready (its start + 1 s)
            assertThat(app).isAfter(db.plusSeconds(1)).isAfter(cache.plusSeconds(1));
            assertThat(web).isAfter(app.plusSeconds(1));
        } finally {
            started.forEach(RunningContainer::close);
        }
    }

    @Test
    void specsMayDependOnContainersAlreadyRunning() {
        try (RunningContainer db = engine.start(slowReady("db"))) {
            List<RunningContainer> started = engine.startAll(List.of(slowReady("app").withDependsOn("db")),
                    Map.of("db", db));
            try {
                assertThat(started).extracting(c -> c.spec().name().orElseThrow()).containsExactly("app");
                assertThat(startedAt(started.get(0))).isAfter(startedAt(db));
            } finally {
                started.forEach(RunningContainer::close);
            }
            assertThat(db.state().running()).as("a running dependency is neither started nor stopped").isTrue();

            assertThatThrownBy(() -> engine.startAll(List.of(ContainerSpec.of(BUSYBOX).withName("app")
                    .withDependsOn("cache")), Map.of("db", db)))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid dependsOn of app: \"cache\". Allowed: the name of a spec started together"
                            + " with it or of a running container, one of [app, db]. Example: withName(\"cache\") on the"
                            + " spec it depends on.");
            assertThatThrownBy(() -> engine.startAll(List.of(ContainerSpec.of(BUSYBOX).withName("db")),
                    Map.of("db", db)))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("Invalid container name: \"db\".");
        }
    }

    @Test
    void aNamedNamespaceReferenceMeansTheDependencyOfThatNameNotTheSessionsNewest() {
        ContainerSpec sleeper = ContainerSpec.of(BUSYBOX).withCommand("sleep", "600");
        try (RunningContainer mine = engine.start(sleeper.withName("db").withNamespaces(
                dev.berth.Namespaces.defaults().withIpc(dev.berth.IpcMode.shareable())));
             RunningContainer newer = engine.start(sleeper.withName("db").withNamespaces(
                     dev.berth.Namespaces.defaults().withIpc(dev.berth.IpcMode.shareable())))) {
            List<RunningContainer> started = engine.startAll(List.of(sleeper.withName("app").withDependsOn("db")
                    .withNamespaces(dev.berth.Namespaces.defaults().withIpc(dev.berth.IpcMode.container("db")))),
                    Map.of("db", mine));
            try {
                String ipc = engine.docker().inspectContainerCmd(started.get(0).id()).exec().getHostConfig().getIpcMode();
                assertThat(ipc).isEqualTo("container:" + mine.id()).isNotEqualTo("container:" + newer.id());
                assertThat(started.get(0).spec().namespaces().ipc().flatMap(IpcMode::target).flatMap(ContainerRef::handle)).containsSame(mine);
            } finally {
                started.forEach(RunningContainer::close);
            }
        }
    }

    @Test
    void independentSpecsStartConcurrently() {
        // each is ready only once it can resolve the other's alias: started one after the other, the
        // first could never become ready, so both being ready proves they started together
        try (dev.berth.Network net = engine.network("together")) {
            List<RunningContainer> started = engine.startAll(List.of(peer("left", "right", net), peer("right", "left", net)));
            try {
                assertThat(started).allSatisfy(c -> assertThat(c.state().running()).isTrue());
            } finally {
                started.forEach(RunningContainer::close);
            }
        }
    }

    static ContainerSpec peer(String self, String other, dev.berth.Network net) {
        return ContainerSpec.of(BUSYBOX).withName(self).withCommand("sleep", "600")
                .withNetwork(net.name(), self).withStartupTimeout(java.time.Duration.ofSeconds(30))
                .waitingFor(Wait.forCommand("nslookup", other));
    }

    @Test
    void whenOneFailsTheStartedOnesAreStoppedAndRemoved() {
        ContainerSpec ok = ContainerSpec.of(BUSYBOX).withName("ok").withCommand("sleep", "600");
        ContainerSpec bad = ContainerSpec.of(BUSYBOX).withName("bad").withCommand("sh", "-c", "sleep 1; echo bye; exit 9")
                .waitingFor(Wait.forLogMessage("never"));
        ContainerSpec dependent = ContainerSpec.of(BUSYBOX).withName("dependent").withCommand("sleep", "600")
                .withDependsOn("bad");
        assertThatThrownBy(() -> engine.startAll(ok, bad, dependent))
                .isInstanceOf(ContainerStartException.class)
                .satisfies(e -> assertThat(((ContainerStartException) e).exitCode()).hasValue(9L))
                .satisfies(e -> assertThat(((ContainerStartException) e).lastLogLines()).containsExactly("bye"));
        List<Container> left = engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(Session.LABEL_SESSION, Internals.ledger(engine).id())).exec();
        assertThat(left).isEmpty();
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.kind() == Session.Kind.CONTAINER);
    }

    @Test
    void anOwnerReceivesEachReadyContainerAtOnceAndKeepsItWhenAnotherFails() {
        ContainerSpec ok = ContainerSpec.of(BUSYBOX).withName("ok").withCommand("sleep", "600");
        ContainerSpec bad = ContainerSpec.of(BUSYBOX).withName("bad").withCommand("sh", "-c", "sleep 1; exit 9")
                .withDependsOn("ok").waitingFor(Wait.forLogMessage("never"));
        List<RunningContainer> owned = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            assertThatThrownBy(() -> engine.startAll(List.of(ok, bad), Map.of(), owned::add))
                    .isInstanceOf(ContainerStartException.class)
                    .satisfies(e -> assertThat(((ContainerStartException) e).exitCode()).hasValue(9L));
            assertThat(owned).extracting(c -> c.spec().name().orElseThrow()).containsExactly("ok");
            assertThat(owned.get(0).state().running()).as("the owner's container is not removed").isTrue();
            assertThat(Internals.ledger(engine).heldNewestFirst()).filteredOn(r -> r.kind() == Session.Kind.CONTAINER)
                    .extracting(Session.Resource::id).containsExactly(owned.get(0).id());
        } finally {
            owned.forEach(RunningContainer::close);
        }
    }

    @Test
    void cyclesAndUnknownNamesAreRejectedBeforeAnythingIsCreated() {
        ContainerSpec a = ContainerSpec.of(BUSYBOX).withName("a").withDependsOn("b");
        ContainerSpec b = ContainerSpec.of(BUSYBOX).withName("b").withDependsOn("c");
        ContainerSpec c = ContainerSpec.of(BUSYBOX).withName("c").withDependsOn("a");
        assertThatThrownBy(() -> engine.startAll(a, b, c))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid dependsOn: \"a -> b -> c -> a\". Allowed: dependencies without a cycle."
                        + " Example: db <- app (app.withDependsOn(\"db\")).");
        assertThatThrownBy(() -> engine.startAll(a))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid dependsOn of a: \"b\". Allowed: the name of a spec started together with it,"
                        + " one of [a]. Example: withName(\"b\") on the spec it depends on.");
        assertThat(Internals.ledger(engine).heldNewestFirst()).isEmpty();
    }

    static Instant startedAt(RunningContainer c) {
        return Instant.parse(engine.docker().inspectContainerCmd(c.id()).exec().getState().getStartedAt());
    }

    @Test
    void closedContainersAreGoneFromTheEngine() {
        List<RunningContainer> started = engine.startAll(List.of(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600")));
        started.get(0).close();
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(started.get(0).id()).exec())
                .isInstanceOf(NotFoundException.class);
    }
}
