package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec values are values: equal when built the same way, different when any field differs. */
class SpecValuesTest {

    @Test
    void execSpecsCompareByValue() {
        ExecSpec a = ExecSpec.of("sh", "-c", "true").withUser("1000").withEnv("A", "1").withTimeout(Duration.ofSeconds(5));
        ExecSpec same = ExecSpec.of("sh", "-c", "true").withUser("1000").withEnv("A", "1").withTimeout(Duration.ofSeconds(5));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        for (ExecSpec other : List.of(ExecSpec.of("sh", "-c", "false").withUser("1000").withEnv("A", "1")
                        .withTimeout(Duration.ofSeconds(5)), a.withUser("0"), a.withEnv("A", "2"),
                a.withTimeout(Duration.ofSeconds(6)))) {
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void networkSpecsCompareByValue() {
        NetworkSpec a = NetworkSpec.of("backend").withInternal(true).withDriver("bridge").withLabel("k", "v");
        NetworkSpec same = NetworkSpec.of("backend").withInternal(true).withDriver("bridge").withLabel("k", "v");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        for (NetworkSpec other : List.of(NetworkSpec.of("frontend").withInternal(true).withDriver("bridge")
                .withLabel("k", "v"), a.withInternal(false), a.withDriver("macvlan"), a.withLabel("k", "w"))) {
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void snapshotOptionsCompareByValue() {
        SnapshotOptions a = SnapshotOptions.defaults();
        assertThat(a).isEqualTo(SnapshotOptions.defaults()).hasSameHashCodeAs(SnapshotOptions.defaults());
        for (SnapshotOptions other : List.of(a.withPause(!a.pause()), a.withKeep(!a.keep()),
                a.withCaptureVolumes(!a.captureVolumes()), a.withTmpfsRestore(!a.tmpfsRestore()), a.withComment("x"),
                a.withPrepareCommand("sync"), a.withTag(ImageRef.parse("berth-snapshots/x:1")))) {
            assertThat(other).isNotEqualTo(a);
        }
    }
}
