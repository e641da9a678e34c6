package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.PrepareAheadFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fresh per-test containers started ahead ({@code berth.prepare-ahead}): every test still gets a container of its
 * own that no other test touched, and the one prepared for a test that never comes is removed with the class.
 */
class PrepareAheadTest {
    /** The class under test first, then {@link PrepareAheadFixtures.AfterClass}, which counts what is left. */
    private static final Map<String, String> ORDERED = Map.of("junit.jupiter.testclass.order.default",
            "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
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
    void eachTestGetsItsOwnFreshContainerAndNoneIsPreparedPastTheLastTest() {
        Kit.Run run = kit.run(ORDERED, PrepareAheadFixtures.FourTests.class, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        List<String> ids = Recorder.values("test");
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(Recorder.values("markersSeen")).as("no test sees another's file").containsOnly("0");
        assertThat(run.created()).as("the four tests' containers, none for a fifth")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(Recorder.values("leftAfterClass")).as("containers left once the class ended").containsExactly("0");
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void theOnePreparedForATestAConditionSwitchesOffIsRemovedWithTheClass() {
        Kit.Run run = kit.run(ORDERED, PrepareAheadFixtures.LastOffByCondition.class,
                PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.skipped(1).started(3).succeeded(3));
        List<String> ids = Recorder.values("test");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(run.created()).as("a's, b's, and the one prepared for c, which its condition switched off")
                .hasSize(3).containsAll(ids);
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void theContainerStartedWhileATestRunsIsTheNextTestsOwn() {
        Kit.Run run = kit.run(ORDERED, PrepareAheadFixtures.HandOver.class, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        List<String> ids = Recorder.values("test");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(Recorder.values("preparedDuringA")).as("started ahead while a ran, then b's").containsExactly(ids.get(1));
        assertThat(Recorder.values("markersSeen")).containsOnly("0");
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aFailedLastTestLeavesNothingBehind() {
        Kit.Run run = kit.run(ORDERED, PrepareAheadFixtures.LastFails.class, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        assertThat(Recorder.values("test")).hasSize(3).doesNotHaveDuplicates();
        assertThat(run.created()).as("one per test, none past the last")
                .containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aDisabledLastTestIsNotPreparedFor() {
        Kit.Run run = kit.run(ORDERED, PrepareAheadFixtures.LastSkipped.class, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.skipped(1).started(3).succeeded(2).aborted(1));
        assertThat(Recorder.values("test")).hasSize(2).doesNotHaveDuplicates();
        assertThat(run.created()).as("a's and b's: c is disabled, so not counted among the tests left")
                .containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aRepeatedTestsInvocationsArePreparedAheadUpToItsCount() {
        List<String> created = invocationsArePreparedAhead(PrepareAheadFixtures.Repeated.class);
        assertThat(created).as("the four repetitions' containers, none for a fifth")
                .containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
    }

    @Test
    void aParameterizedTestsInvocationsArePreparedAheadWithoutACap() {
        List<String> created = invocationsArePreparedAhead(PrepareAheadFixtures.Parameterized.class);
        assertThat(created).as("its count is known only at run time: the four invocations' and one for a fifth")
                .hasSize(5).containsAll(Recorder.values("test"));
    }

    private List<String> invocationsArePreparedAhead(Class<?> fixture) {
        Kit.Run run = kit.run(ORDERED, fixture, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        List<String> ids = Recorder.values("test");
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(Recorder.values("markersSeen")).containsOnly("0");
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
        return run.created();
    }

    @Test
    void switchedOffNothingIsPrepared() {
        Map<String, String> off = new HashMap<>(ORDERED);
        off.put("berth.prepare-ahead", "0");
        Kit.Run run = kit.run(off, PrepareAheadFixtures.FourTests.class, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        assertThat(Recorder.values("test")).hasSize(4).doesNotHaveDuplicates();
        assertThat(run.created()).containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aContainerThatOptsOutIsNeverPrepared() {
        Kit.Run run = kit.run(PrepareAheadFixtures.OptedOut.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(run.created()).containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void depthTwoKeepsTwoReadyAndRemovesBothWhenTheCountIsUnknown() {
        List<String> created = fourUsesAtDepthTwo(PrepareAheadFixtures.Parameterized.class);
        assertThat(created).as("four used, two prepared for invocations that never came").hasSize(6);
    }

    @Test
    void depthTwoPreparesNothingPastTheLastTest() {
        List<String> created = fourUsesAtDepthTwo(PrepareAheadFixtures.FourTests.class);
        assertThat(created).as("two kept ready until only one test was left, then one, then none")
                .containsExactlyInAnyOrderElementsOf(Recorder.values("test"));
    }

    /** Runs a fixture of four uses with {@code berth.prepare-ahead=2}; returns the containers it created. */
    private List<String> fourUsesAtDepthTwo(Class<?> fixture) {
        Map<String, String> two = new HashMap<>(ORDERED);
        two.put("berth.prepare-ahead", "2");
        Kit.Run run = kit.run(two, fixture, PrepareAheadFixtures.AfterClass.class);

        run.results().testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        assertThat(Recorder.values("test")).hasSize(4).doesNotHaveDuplicates();
        assertThat(Recorder.values("markersSeen")).containsOnly("0");
        assertThat(Recorder.values("leftAfterClass")).containsExactly("0");
        assertThat(kit.leftovers()).isEmpty();
        return run.created();
    }

    @Test
    void concurrentTestsEachClaimTheirOwn() {
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "3",
                "junit.jupiter.execution.parallel.config.fixed.max-pool-size", "3",
                "berth.prepare-ahead", "2");
        Kit.Run run = kit.run(parallel, PrepareAheadFixtures.Concurrent.class);

        run.results().testEvents().assertStatistics(s -> s.started(6).succeeded(6));
        List<String> ids = Recorder.values("test");
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThat(Recorder.values("markersSeen")).containsOnly("0");
        assertThat(run.created()).containsAll(ids).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }
}
