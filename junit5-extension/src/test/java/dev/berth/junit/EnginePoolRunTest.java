package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.faults.FaultyEngineProxy;
import dev.berth.testing.TlsTestEngine;
import dev.berth.junit.fixtures.PoolFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.Condition;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A pool of two engines ({@code berth.docker.hosts}): the local engine and the TLS engine (scripts/engines/tls,
 * core's {@code TlsTestEngine}; the extension takes its certificates from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH,
 * set for this module's tests in its pom). Parallel classes spread over both, everything is
 * removed from both, a failure report names its engine, and losing one engine (a proxy this test owns in front of
 * the TLS engine closes) fails only the class placed on it. Without the TLS engine the test aborts, except in CI
 * ({@code CI=true}), where it fails.
 */
class EnginePoolRunTest {
    private static final String LOCAL = "unix:///var/run/docker.sock";
    private static final String TLS = TlsTestEngine.HOST;
    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
            "junit.jupiter.execution.parallel.config.fixed.max-pool-size", "4");

    @TempDir
    Path reports;

    @BeforeAll
    static void tlsEngineListens() {
        TlsTestEngine.requireListening();
    }

    @BeforeEach
    void clear() {
        Recorder.clear();
        System.setProperty("berth.reports.dir", reports.toString());
    }

    @AfterEach
    void clearReports() {
        System.clearProperty("berth.reports.dir");
    }

    @Test
    void parallelClassesSpreadOverBothEnginesAndEverythingIsRemovedFromBoth() throws Exception {
        try (Engine local = Berth.connect(LOCAL); Engine tls = connect(TLS)) {
            Instant since = Instant.now();
            Map<String, String> config = new HashMap<>(PARALLEL);
            config.put("berth.docker.hosts", LOCAL + "," + TLS);
            List<Class<?>> classes = new ArrayList<>(Arrays.asList(PoolFixtures.SPREAD));
            classes.add(PoolFixtures.Failing.class);
            EngineExecutionResults results = Kit.execute(config, classes.toArray(Class<?>[]::new));
            Instant until = Instant.now();

            results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1));
            results.containerEvents().assertThatEvents().haveExactly(1, event(engine(), finishedSuccessfully()));
            Map<String, List<String>> created = Map.of(LOCAL, createdContainers(local, since, until),
                    TLS, createdContainers(tls, since, until));
            Map<String, List<String>> classesOn = Map.of(LOCAL, new ArrayList<>(), TLS, new ArrayList<>());
            for (Class<?> c : PoolFixtures.SPREAD) {
                String name = c.getSimpleName();
                List<String> engines = Recorder.values("engine:" + name);
                assertThat(engines).as("%s ran each test on one engine", name).hasSize(2).containsOnly(engines.get(0));
                String host = engines.get(0);
                classesOn.get(host).add(name);
                String other = host.equals(LOCAL) ? TLS : LOCAL;
                List<String> own = new ArrayList<>(Recorder.values("class:" + name));
                own.addAll(Recorder.values("test:" + name));
                assertThat(created.get(host)).as("%s's containers, by label on %s", name, host).containsAll(own);
                assertThat(created.get(other)).as("%s's containers on %s", name, other).doesNotContainAnyElementsOf(own);
            }
            assertThat(classesOn.get(LOCAL)).as("classes on the local engine").isNotEmpty();
            assertThat(classesOn.get(TLS)).as("classes on the TLS engine").isNotEmpty();
            for (String host : List.of(LOCAL, TLS)) {
                List<String> shared = Recorder.values("shared:" + host);
                assertThat(shared).as("one shared container per engine on %s", host).isNotEmpty()
                        .containsOnly(shared.get(0));
                assertThat(created.get(host)).contains(shared.get(0));
            }

            String failedOn = Recorder.values("engine:Failing").get(0);
            List<String> entries = results.allEvents().reportingEntryPublished()
                    .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("Failing"))
                    .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("berth.report"))
                    .toList();
            assertThat(entries).hasSize(1);
            Path report = Path.of(entries.get(0).substring(0, entries.get(0).indexOf(" — ")));
            assertThat(Files.readString(report)).as("the failure report names the engine the class ran on")
                    .contains("- Docker host: " + failedOn + "\n");

            assertThat(leftovers(local)).as("on the local engine").isEmpty();
            assertThat(leftovers(tls)).as("on the TLS engine").isEmpty();
        }
    }

    @Test
    void losingOneEngineFailsOnlyTheClassPlacedOnItNamingTheEndpoint() throws Exception {
        URI tlsUri = URI.create(TLS);
        try (FaultyEngineProxy proxy = FaultyEngineProxy.tcp(tlsUri.getPort()); Engine local = Berth.connect(LOCAL);
             Engine tls = connect(TLS)) {
            String lostHost = proxy.dockerHost();
            PoolFixtures.lostHost = lostHost;
            PoolFixtures.bothRunning = new CountDownLatch(2);
            PoolFixtures.lost = new CountDownLatch(1);
            PoolFixtures.lose = () -> {
                try {
                    proxy.closeAll();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            Map<String, String> config = new HashMap<>(PARALLEL);
            config.put("berth.docker.hosts", lostHost + "," + LOCAL);
            EngineExecutionResults results;
            try {
                results = Kit.execute(config, PoolFixtures.L1.class, PoolFixtures.L2.class);
            } finally {
                removeWhatTheLostEngineKept(tls);
            }

            String onLost = Recorder.values("engine:L1").equals(List.of(lostHost)) ? "L1" : "L2";
            String survivor = onLost.equals("L1") ? "L2" : "L1";
            assertThat(Recorder.values("engine:" + onLost)).containsExactly(lostHost);
            assertThat(Recorder.values("engine:" + survivor)).containsExactly(LOCAL);
            assertThat(Recorder.values("after-loss:" + survivor)).as("the other engine goes on").containsExactly("on");
            assertThat(Recorder.values("second:" + survivor)).containsExactly(LOCAL);
            assertThat(Recorder.values("second:" + onLost)).isEmpty();
            Class<?> lostClass = onLost.equals("L1") ? PoolFixtures.L1.class : PoolFixtures.L2.class;
            Class<?> survivorClass = onLost.equals("L1") ? PoolFixtures.L2.class : PoolFixtures.L1.class;
            results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test(), inClass(survivorClass), uniqueIdSubstring("method:first("), finishedSuccessfully()))
                    .haveExactly(1, event(test(), inClass(survivorClass), uniqueIdSubstring("method:second("), finishedSuccessfully()))
                    .haveExactly(1, event(test(), inClass(lostClass), uniqueIdSubstring("method:first("), finishedWithFailure(
                            instanceOf(EngineUnavailableException.class),
                            message(m -> m.startsWith("The engine at " + lostHost + " did not answer ")
                                    && m.contains(": the connection failed: ")))))
                    .haveExactly(1, event(test(), inClass(lostClass), uniqueIdSubstring("method:second("), finishedWithFailure(
                            instanceOf(EngineUnavailableException.class),
                            message(m -> m.startsWith("The engine at " + lostHost + " is lost: it stopped answering "
                                    + "mid-run (the connection failed: ")
                                    && m.endsWith(").\n" + lostClass.getName() + " was placed on it "
                                    + "(berth.docker.hosts) and fails; what runs on the other engines of the pool "
                                    + "goes on. Containers left on " + lostHost + " are swept by the age rule once "
                                    + "it answers again.")))));
            results.containerEvents().assertThatEvents()
                    .haveExactly(1, event(container(survivorClass), finishedSuccessfully()))
                    .haveExactly(1, event(engine(), finishedSuccessfully()));
            assertThat(leftovers(local)).as("on the local engine").isEmpty();
        }
    }

    private static Condition<org.junit.platform.testkit.engine.Event> inClass(Class<?> testClass) {
        return uniqueIdSubstring("class:" + testClass.getName());
    }

    private static Engine connect(String host) {
        return Berth.connect(TlsTestEngine.options(Map.of()).withDockerHost(host));
    }

    /** The lost engine could not remove its class's container: the test removes it, through the real endpoint. */
    private static void removeWhatTheLostEngineKept(Engine tls) {
        tls.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.berth.pid", Kit.PID)).exec()
                .forEach(c -> tls.docker().removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** @return the containers this JVM's Berth created on the engine in the window, by their labels (engine events) */
    private static List<String> createdContainers(Engine engine, Instant since, Instant until) throws Exception {
        List<String> ids = new ArrayList<>();
        ResultCallback.Adapter<Event> events = engine.docker().eventsCmd().withSince(stamp(since))
                .withUntil(stamp(until.plusSeconds(1))).withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("create").withLabelFilter(Map.of("dev.berth.pid", Kit.PID))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event e) {
                        synchronized (ids) {
                            ids.add(e.getId());
                        }
                    }
                });
        assertThat(events.awaitCompletion(60, TimeUnit.SECONDS)).as("the event stream ends at 'until'").isTrue();
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    private static String stamp(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    /** @return Berth containers and networks of this JVM still on the engine */
    private static Set<String> leftovers(Engine engine) {
        Set<String> out = new java.util.TreeSet<>();
        engine.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.berth.pid", Kit.PID)).exec()
                .forEach(c -> out.add("container " + Arrays.toString(c.getNames())));
        engine.docker().listNetworksCmd().withFilter("label", List.of("dev.berth.pid=" + Kit.PID)).exec()
                .forEach(n -> out.add("network " + n.getName()));
        return out;
    }
}
