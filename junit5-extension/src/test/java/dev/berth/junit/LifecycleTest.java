package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.LifecycleFixture;
import dev.berth.junit.fixtures.PerClassFixture;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.SpecFieldFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
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
    void staticContainerLivesForTheClassAndInstanceContainerForEachTest() {
        Kit.Run run = kit.run(LifecycleFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        List<String> classIds = Recorder.values("class");
        List<String> testIds = Recorder.values("test");
        assertThat(classIds).hasSize(3).containsOnly(classIds.get(0));
        assertThat(Recorder.values("classParam")).isEqualTo(classIds);
        assertThat(Recorder.values("beforeAll")).containsExactly(classIds.get(0));
        assertThat(Recorder.values("afterAll")).containsExactly(classIds.get(0));
        assertThat(Recorder.values("beforeAllField")).containsExactly("same");
        assertThat(testIds).hasSize(3).doesNotHaveDuplicates().doesNotContain(classIds.get(0));
        assertThat(Recorder.values("testParam")).isEqualTo(testIds);
        assertThat(Recorder.values("beforeEach")).isEqualTo(testIds);

        assertThat(run.created()).containsExactlyInAnyOrder(classIds.get(0), testIds.get(0), testIds.get(1),
                testIds.get(2));
        assertThat(run.created()).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void perClassLifecycleMakesInstanceContainersClassScoped() {
        Kit.Run run = kit.run(PerClassFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        List<String> ids = Recorder.values("perClass");
        assertThat(ids).hasSize(3).containsOnly(ids.get(0));
        assertThat(Recorder.values("perClassBeforeAll")).containsExactly(ids.get(0));
        assertThat(run.created()).containsExactly(ids.get(0));
        assertThat(kit.exists(ids.get(0))).isFalse();
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void specFieldsAreRefinedByTheAnnotationAndInjectedWithUse() {
        Kit.Run run = kit.run(SpecFieldFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Recorder.values("specWeb")).containsExactly("200 hello-berth");
        assertThat(Recorder.values("specPerTest")).containsExactly("200 hello-berth");
        assertThat(Recorder.values("specEngine")).hasSize(1);
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }
}
