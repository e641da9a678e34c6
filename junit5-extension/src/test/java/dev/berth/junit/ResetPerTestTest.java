package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ImageRef;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.RepeatedResetFixture;
import dev.berth.junit.fixtures.ResetPerTestFixture;
import dev.berth.junit.fixtures.TwoResetsNestedFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResetPerTestTest {
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
    void everyTestSeesTheSeedOnAFreshCopyAndTheSnapshotIsRemovedAfterTheClass() {
        Kit.Run run = kit.run(ResetPerTestFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(Recorder.values("rows")).containsExactly("row1,row2,row3", "row1,row2,row3", "row1,row2,row3");
        String seeded = Recorder.values("seeded").get(0);
        List<String> fresh = Recorder.values("param");
        assertThat(fresh).hasSize(3).doesNotHaveDuplicates().doesNotContain(seeded);
        assertThat(Recorder.values("field")).as("static field re-assigned").isEqualTo(fresh);
        assertThat(Recorder.values("useField")).as("@Use field re-assigned").isEqualTo(fresh);
        assertThat(Recorder.values("beforeEach")).as("@BeforeEach sees the fresh copy").isEqualTo(fresh);
        assertThat(Recorder.values("byAlias")).containsExactly("ok", "ok", "ok");

        List<String> images = Recorder.values("image");
        assertThat(images).hasSize(3).containsOnly(images.get(0));
        assertThat(images.get(0)).startsWith("berth-snapshots/store:");
        assertThat(kit.probe().images().exists(ImageRef.parse(images.get(0)))).as("snapshot removed").isFalse();
        assertThat(run.created()).contains(seeded).containsAll(fresh).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aRepeatedTestsInvocationsEachGetAFreshCopyTheNextOneStartedAhead() {
        Kit.Run run = kit.run(RepeatedResetFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(Recorder.values("rows")).containsExactly("seed", "seed", "seed");
        List<String> copies = Recorder.values("copy");
        assertThat(copies).hasSize(3).doesNotHaveDuplicates().doesNotContain(Recorder.values("seeded").get(0));
        assertThat(run.created()).as("the seeded original and three copies: none started ahead for a fourth")
                .hasSize(4).containsAll(copies).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void twoResetContainersRestoreTogetherAlsoForNestedTests() {
        Kit.Run run = kit.run(TwoResetsNestedFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("outer.seeds")).containsExactly("one,two");
        assertThat(Recorder.values("inner.seeds")).containsExactly("one,two");
        assertThat(Recorder.values("outer.fields")).containsExactly("true");
        assertThat(Recorder.values("inner.fields")).containsExactly("true");
        assertThat(Recorder.values("ids")).hasSize(4).doesNotHaveDuplicates();
        // 2 seeded originals + 2 copies per test; none started ahead: the outer class has no next test of its own
        assertThat(run.created()).hasSize(6).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }
}
