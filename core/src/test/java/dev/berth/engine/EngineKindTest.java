package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The engine kind read from /info and /version answers captured from the engines scripts/engines/* start. */
class EngineKindTest {
    static EngineKind captured(String engine) throws IOException {
        try (InputStream info = EngineKindTest.class.getResourceAsStream("/engines/" + engine + "-info.json");
             InputStream version = EngineKindTest.class.getResourceAsStream("/engines/" + engine + "-version.json")) {
            return EngineKind.of(SelfDescription.parse(info, version));
        }
    }

    @Test
    void dockerIsDockerAndAppliesEveryLimit() throws IOException {
        EngineKind kind = captured("docker");
        assertThat(kind.podman()).isFalse();
        assertThat(kind.rootless()).isFalse();
        assertThat(kind.unapplied()).isEmpty();
        assertThat(kind.describe()).isEqualTo("Docker 20.10.24+dfsg1 (cgroup v1, cgroup driver cgroupfs)");
    }

    @Test
    void podmanNamesItselfInTheVersionComponents() throws IOException {
        EngineKind kind = captured("podman");
        assertThat(kind.podman()).isTrue();
        assertThat(kind.version()).isEqualTo("4.3.1");
        assertThat(kind.unapplied()).isEmpty();
        assertThat(kind.describe()).isEqualTo("Podman 4.3.1 (cgroup v1, cgroup driver cgroupfs)");
    }

    @Test
    void rootlessDockerOnCgroupV1AppliesNoCgroupLimit() throws IOException {
        EngineKind kind = captured("rootless");
        assertThat(kind.podman()).isFalse();
        assertThat(kind.rootless()).isTrue();
        assertThat(kind.unapplied()).containsExactlyInAnyOrderElementsOf(EngineKind.CGROUP_LIMITS);
        assertThat(kind.describe()).isEqualTo("rootless Docker 20.10.24+dfsg1 (cgroup v1, cgroup driver none)");
    }
}
