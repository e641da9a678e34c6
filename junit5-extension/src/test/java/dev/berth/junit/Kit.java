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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

/**
 * Runs fixture classes through the JUnit Platform test kit and inspects the engine afterwards: which
 * containers this JVM created during a run (streamed docker events), and whether one still exists.
 */
final class Kit implements AutoCloseable {
    static final String PID = Long.toString(ProcessHandle.current().pid());
    private final Engine probe = Berth.connect();

    /**
     * One run: its results, the ids of the containers Berth created during it, and the names of every
     * network created on the engine meanwhile (by anyone: filter by a name unique to the fixture).
     */
    record Run(EngineExecutionResults results, List<String> created, List<String> createdNetworks,
               List<String> createdImages) { }

    Run run(Map<String, String> config, Class<?>... classes) {
        try (Watch watch = new Watch()) {
            EngineExecutionResults results = execute(config, classes);
            List<String> containers = watch.createdSoFar();
            return new Run(results, containers, watch.networks(), watch.images());
        }
    }

    /** Runs the classes through the test kit, watching no engine. */
    static EngineExecutionResults execute(Map<String, String> config, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(config)
                .selectors(Arrays.stream(classes).map(c -> (DiscoverySelector) selectClass(c))
                        .toArray(DiscoverySelector[]::new)).execute();
    }

    /**
     * Runs one fixture class and asserts it failed with exactly this configuration error, before any
     * container existed, leaving nothing behind.
     */
    void assertConfigurationError(Class<?> fixture, String message) {
        Run run = run(fixture);
        run.results().containerEvents().assertThatEvents().haveExactly(1, EventConditions.event(
                EventConditions.container(fixture), EventConditions.finishedWithFailure(
                        TestExecutionResultConditions.instanceOf(ExtensionConfigurationException.class),
                        TestExecutionResultConditions.message(message))));
        Assertions.assertThat(run.created()).as("containers created").isEmpty();
        Assertions.assertThat(leftovers()).isEmpty();
    }

    Run run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** @return this kit's own engine connection, for inspecting images and containers */
    Engine probe() {
        return probe;
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

    /**
     * Streams the engine's create events from now on and collects the containers this JVM creates. To
     * know every event up to a point has arrived, it creates a marker network and waits for its event
     * (the engine delivers events in order).
     */
    private final class Watch implements AutoCloseable {
        private final List<String> ids = new ArrayList<>();
        private final List<String> images = new ArrayList<>();
        private final List<String> networks = new ArrayList<>();
        private final CountDownLatch marker = new CountDownLatch(1);
        private final String markerName = "berth-kit-marker-" + PID + "-" + System.nanoTime();
        private final ResultCallback.Adapter<Event> stream;

        Watch() {
            stream = probe.docker().eventsCmd().withSince(stamp())
                    .withEventTypeFilter(EventType.CONTAINER, EventType.NETWORK).withEventFilter("create")
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event e) {
                            Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                                    ? Map.of() : e.getActor().getAttributes();
                            if (e.getType() == EventType.CONTAINER && PID.equals(attributes.get("dev.berth.pid"))) {
                                synchronized (ids) {
                                    ids.add(e.getId());
                                    images.add(attributes.getOrDefault("image", String.valueOf(e.getFrom())));
                                }
                            } else if (e.getType() == EventType.NETWORK && markerName.equals(attributes.get("name"))) {
                                marker.countDown();
                            } else if (e.getType() == EventType.NETWORK && attributes.get("name") != null) {
                                synchronized (ids) {
                                    networks.add(attributes.get("name"));
                                }
                            }
                        }
                    });
        }

        List<String> createdSoFar() {
            String id = probe.docker().createNetworkCmd().withName(markerName).exec().getId();
            try {
                if (!marker.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The engine sent no event for marker network " + markerName);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                probe.docker().removeNetworkCmd(id).exec();
            }
            synchronized (ids) {
                return List.copyOf(ids);
            }
        }

        /** @return the image of each container created so far, once {@link #createdSoFar()} has returned */
        List<String> images() {
            synchronized (ids) {
                return List.copyOf(images);
            }
        }

        /** @return names of the networks created so far, once {@link #createdSoFar()} has returned */
        List<String> networks() {
            synchronized (ids) {
                return List.copyOf(networks);
            }
        }

        @Override
        public void close() {
            try {
                stream.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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
