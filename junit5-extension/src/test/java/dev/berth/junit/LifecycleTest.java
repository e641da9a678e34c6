package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.IsolationFixture;
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

        assertThat(run.created()).as("the class's and the tests' (none started ahead past the last test)").hasSize(4)
                .contains(classIds.get(0)).containsAll(testIds);
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
    void limitsNamespacesAndSecurityAnnotationsReachTheEngine() {
        Kit.Run run = kit.run(IsolationFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Recorder.values("memory")).containsExactly(Long.toString(64L * 1024 * 1024));
        assertThat(Recorder.values("nanoCpus")).containsExactly("500000000");
        assertThat(Recorder.values("pids")).containsExactly("50");
        assertThat(Recorder.values("ulimits").get(0)).contains("nofile").contains("1024").contains("2048");
        assertThat(Recorder.values("ipc")).containsExactly("producer");
        assertThat(Recorder.values("hostname")).containsExactly("consumer");
        assertThat(Recorder.values("init")).containsExactly("true");
        assertThat(Recorder.values("readOnly")).containsExactly("true");
        assertThat(Recorder.values("capDrop").get(0)).contains("ALL");
        assertThat(Recorder.values("user")).containsExactly("65534:65534");
        assertThat(run.created()).as("none started ahead: the class has no next test").hasSize(2).noneMatch(kit::exists);
    }

    @Test
    void specFieldsAreRefinedByTheAnnotationAndInjectedWithUse() {
        Kit.Run run = kit.run(SpecFieldFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Recorder.values("specWeb")).containsExactly("200 hello-berth");
        assertThat(Recorder.values("specPerTest")).containsExactly("200 hello-berth");
        assertThat(Recorder.values("specEngine")).hasSize(1);
        assertThat(run.created()).as("none started ahead: the class has no next test").hasSize(2).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }
}
