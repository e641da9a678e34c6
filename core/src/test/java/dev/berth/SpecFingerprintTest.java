package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.wait.Wait;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ContainerSpec#fingerprint()}: equal for the same container, different for any change. */
class SpecFingerprintTest {
    private static final ContainerSpec BASE = ContainerSpec.of(Fixtures.BUSYBOX).withCommand("sleep", "600")
            .withEnv("A", "1").withEnv("B", "2");

    @Test
    void theSameSpecBuiltTwiceHasTheSameFingerprintEnvOrderAside() {
        ContainerSpec again = ContainerSpec.of(Fixtures.BUSYBOX).withCommand("sleep", "600").withEnv("B", "2")
                .withEnv("A", "1");
        assertThat(BASE.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(again.fingerprint());
    }

    @Test
    void everyChangeGivesAnotherFingerprint() {
        List<ContainerSpec> changed = List.of(BASE.withEnv("A", "9"), BASE.withCommand("sleep", "601"),
                BASE.withMount(Mount.volume("data", "/data")), BASE.withLimits(Limits.none().withMemory("64m")),
                BASE.withImage(ImageRef.parse(Fixtures.REDIS)), BASE.withExposedPorts(80),
                BASE.waitingFor(Wait.forLogMessage(".*ready.*", 1)), BASE.withSnapshotPrepare("sync"),
                BASE.withFile(new FileCopy("/x", new FileCopy.Bytes(new byte[] {1}), 0644)), BASE.withFile(new FileCopy("/x", new FileCopy.Bytes(new byte[] {2}), 0644)));
        assertThat(changed.stream().map(ContainerSpec::fingerprint)).doesNotHaveDuplicates()
                .doesNotContain(BASE.fingerprint());
    }
}
