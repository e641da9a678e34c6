package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.berth.ContainerStartException;
import dev.berth.junit.fixtures.FailureFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures at every point of the lifecycle leave nothing behind (unless keep-on-failure asks). */
class FailureCleanupTest {
    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void exceptionInBeforeAllLeavesNothing() {
        Kit.Run run = kit.run(FailureFixtures.BeforeAllThrows.class);

        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(FailureFixtures.BeforeAllThrows.class),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("boom in @BeforeAll"))));
        assertThat(run.created()).containsExactlyElementsOf(Recorder.values("box"));
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void failingContainerStartLeavesNothing() {
        Kit.Run run = kit.run(FailureFixtures.FailingStart.class);

        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(FailureFixtures.FailingStart.class),
                finishedWithFailure(instanceOf(ContainerStartException.class))));
        assertThat(Recorder.values("ran")).isEmpty();
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void failingPerTestStartFailsTheTestAndLeavesNothing() {
        Kit.Run run = kit.run(FailureFixtures.FailingPerTestStart.class);

        run.results().testEvents().assertThatEvents().haveExactly(1, event(test("test"),
                finishedWithFailure(instanceOf(ContainerStartException.class))));
        assertThat(Recorder.values("ran")).isEmpty();
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void exceptionInAfterAllLeavesNothing() {
        Kit.Run run = kit.run(FailureFixtures.AfterAllThrows.class);

        run.results().testEvents().assertStatistics(s -> s.succeeded(1));
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(FailureFixtures.AfterAllThrows.class),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("boom in @AfterAll"))));
        assertThat(run.created()).containsExactlyElementsOf(Recorder.values("box"));
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void keepOnFailureLeavesTheFailedClassRunningAndSaysHowToRemoveIt() throws IOException {
        Path reports = Files.createTempDirectory("berth-keep");
        Kit.Run run = kit.run(Map.of("berth.keep-on-failure", "true", "berth.report-dir", reports.toString()),
                FailureFixtures.FailingTest.class);
        try {
            run.results().testEvents().assertStatistics(s -> s.failed(1));
            String id = Recorder.values("box").get(0);
            assertThat(kit.exists(id)).isTrue();
            List<Path> notes;
            try (Stream<Path> files = Files.list(reports)) {
                notes = files.toList();
            }
            assertThat(notes).hasSize(1);
            String note = Files.readString(notes.get(0));
            assertThat(note).contains("Berth kept the resources of failed " + FailureFixtures.FailingTest.class.getName())
                    .contains(id).contains("network backend-").contains("docker rm -f $(docker ps -aq --filter label=");
        } finally {
            kit.removeLeftovers();
        }
        assertThat(kit.leftovers()).isEmpty();
    }
}
