package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Class-scoped containers end with their class, on every JUnit line Berth supports (5.10 on: the build
 * runs this sample on 5.10, 5.14 and 6). Two classes run one after the other through the JUnit
 * Platform test kit; when the second one starts, the engine no longer has the first one's container,
 * and when the run ends, nothing of either remains.
 */
class ClassLifecycleSample {
    private static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    /** Container ids by class, and what the second class saw of the first one's container. */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Test
    void aClassContainersAreGoneBeforeTheNextClassStarts() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(First.class), selectClass(Second.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SEEN).containsEntry("first container when Second started", "gone");
        try (Engine probe = Berth.connect()) {
            for (String id : List.of(SEEN.get("First"), SEEN.get("Second"))) {
                assertThat(exists(probe, id)).as("container %s after the run", id).isFalse();
            }
        }
    }

    private static boolean exists(Engine probe, String id) {
        try {
            probe.docker().inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The first class: one class-scoped container. */
    @DockerTest
    static class First {
        @Container(image = BUSYBOX, command = {"sleep", "600"})
        static RunningContainer box;

        @Test
        void runs() {
            SEEN.put("First", box.id());
        }
    }

    /** The second class: looks for the first class's container before its own tests run. */
    @DockerTest
    static class Second {
        @Container(image = BUSYBOX, command = {"sleep", "600"})
        static RunningContainer box;

        @BeforeAll
        static void firstIsGone() {
            try (Engine probe = Berth.connect()) {
                SEEN.put("first container when Second started", exists(probe, SEEN.get("First")) ? "running" : "gone");
            }
        }

        @Test
        void runs() {
            SEEN.put("Second", box.id());
        }
    }
}
