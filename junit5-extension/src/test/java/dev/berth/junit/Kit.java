package dev.berth.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.berth.Berth;
import dev.berth.Engine;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture classes through the JUnit Platform test kit and inspects the engine afterwards: which
 * containers this JVM created during a run (docker events), and whether one still exists.
 */
final class Kit implements AutoCloseable {
    static final String PID = Long.toString(ProcessHandle.current().pid());
    private final Engine probe = Berth.connect();

    /** One run: its results and the ids of the containers Berth created during it. */
    record Run(EngineExecutionResults results, List<String> created) { }

    Run run(Map<String, String> config, Class<?>... classes) {
        String since = stamp();
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").configurationParameters(config)
                .selectors(Arrays.stream(classes).map(c -> (DiscoverySelector) selectClass(c))
                        .toArray(DiscoverySelector[]::new));
        EngineExecutionResults results = builder.execute();
        return new Run(results, createdBetween(since, stamp()));
    }

    Run run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    boolean exists(String containerId) {
        try {
            probe.docker().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** @return Berth containers and networks of this JVM that still exist (all runs are over) */
    List<String> leftovers() {
        List<String> out = new ArrayList<>();
        probe.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.berth.pid", PID)).exec()
                .forEach(c -> out.add("container " + Arrays.toString(c.getNames())));
        probe.docker().listNetworksCmd().withFilter("label", List.of("dev.berth.pid=" + PID)).exec()
                .forEach(n -> out.add("network " + n.getName()));
        return out;
    }

    /** Removes what a keep-on-failure run left on purpose: this JVM's labelled containers, then networks. */
    void removeLeftovers() {
        probe.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.berth.pid", PID)).exec()
                .forEach(c -> probe.docker().removeContainerCmd(c.getId()).withForce(true).exec());
        probe.docker().listNetworksCmd().withFilter("label", List.of("dev.berth.pid=" + PID)).exec()
                .forEach(n -> probe.docker().removeNetworkCmd(n.getId()).exec());
    }

    /** @return {@link #leftovers()}, closing this probe */
    List<String> leftoversAndClose() {
        try {
            return leftovers();
        } finally {
            close();
        }
    }

    private List<String> createdBetween(String since, String until) {
        List<String> ids = new ArrayList<>();
        try {
            probe.docker().eventsCmd().withSince(since).withUntil(until)
                    .withEventTypeFilter(EventType.CONTAINER).withEventFilter("create")
                    .withLabelFilter(Map.of("dev.berth.pid", PID))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            synchronized (ids) {
                                ids.add(event.getId());
                            }
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    private static String stamp() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%09d", now.getNano());
    }

    @Override
    public void close() {
        probe.close();
    }
}
