package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The clause rootless Docker's registry failures get (engine-level: BusyboxSnapshotTest on rootless). */
class LoopbackRegistryTest {
    private static final EngineKind ROOTLESS = new EngineKind("Docker", "20.10.24", true, "1", "none",
            Set.copyOf(EngineKind.CGROUP_LIMITS));
    private static final EngineKind ROOTFUL = new EngineKind("Docker", "20.10.24", false, "1", "cgroupfs", Set.of());

    @Test
    void aLoopbackRegistryFromRootlessDockerIsExplained() {
        String clause = "rootless Docker 20.10.24 (cgroup v1, cgroup driver none) runs in rootlesskit's network"
                + " namespace, where %s is not this machine's loopback, so it cannot reach a registry on this"
                + " machine's loopback: load the image from an archive with engine.images().load(path), or serve"
                + " the registry on an address the engine reaches";
        assertThat(LoopbackRegistry.unreachableHint("localhost:5000", () -> ROOTLESS))
                .isEqualTo(clause.formatted("localhost"));
        assertThat(LoopbackRegistry.unreachableHint("127.0.0.1:5000", () -> ROOTLESS))
                .isEqualTo(clause.formatted("127.0.0.1"));
        assertThat(LoopbackRegistry.unreachableHint("[::1]:5000", () -> ROOTLESS)).isEqualTo(clause.formatted("[::1]"));
    }

    @Test
    void anyOtherRegistryOrEngineGetsNoClauseAndTheEngineIsAskedOnlyForLoopback() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(LoopbackRegistry.unreachableHint("registry.example:5000", () -> {
            asked.incrementAndGet();
            return ROOTLESS;
        })).isEmpty();
        assertThat(asked).hasValue(0);
        assertThat(LoopbackRegistry.unreachableHint("localhost:5000", () -> ROOTFUL)).isEmpty();
        assertThat(LoopbackRegistry.unreachableHint("localhost:5000", () -> {
            throw new IllegalStateException("engine gone");
        })).isEmpty();
    }
}
