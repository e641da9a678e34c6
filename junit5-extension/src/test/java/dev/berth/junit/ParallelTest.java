package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.ParallelFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JUnit parallel execution: 8 classes x 4 tests on 4 threads, three runs in a row (the JVM-wide state is reused across runs), nothing leaked. */
class ParallelTest {
    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
            "junit.jupiter.execution.parallel.config.fixed.max-pool-size", "4");

    @Test
    void parallelSuitePassesThreeTimesWithoutLeaks() {
        try (Kit kit = new Kit()) {
            for (int round = 1; round <= 3; round++) {
                Recorder.clear();
                Kit.Run run = kit.run(PARALLEL, ParallelFixtures.ALL);

                run.results().testEvents().assertStatistics(s -> s.started(32).succeeded(32));
                List<String> runIds = Recorder.values("run");
                assertThat(runIds).as("round %d: run-scoped", round).hasSize(32).containsOnly(runIds.get(0));
                Set<String> classIds = new HashSet<>();
                for (Class<?> c : ParallelFixtures.ALL) {
                    List<String> ids = Recorder.values("class:" + c.getSimpleName());
                    assertThat(ids).as("round %d: %s", round, c.getSimpleName()).hasSize(4).containsOnly(ids.get(0));
                    classIds.add(ids.get(0));
                }
                assertThat(classIds).as("round %d: class-scoped", round).hasSize(8).doesNotContain(runIds.get(0));
                List<String> testIds = Recorder.values("test");
                assertThat(testIds).as("round %d: test-scoped", round).hasSize(32).doesNotHaveDuplicates();
                // and those started ahead (berth.prepare-ahead): how many depends on how the tests interleave
                assertThat(run.created()).as("round %d: created", round).containsAll(runIds).containsAll(classIds)
                        .containsAll(testIds).hasSizeBetween(1 + 8 + 32, 1 + 8 + 32 + 32).noneMatch(kit::exists);
                assertThat(kit.leftovers()).as("round %d: leftovers", round).isEmpty();
            }
        }
    }
}
