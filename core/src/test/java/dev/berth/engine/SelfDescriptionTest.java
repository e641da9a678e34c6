package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.EngineInfo;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code /info} and {@code /version} read as JSON trees into an {@link EngineInfo}: the answers captured from the
 * engines scripts/engines/* start. The same fields docker-java's models gave; {@code EngineInfoTest} reads a live engine.
 */
class SelfDescriptionTest {
    private static SelfDescription captured(String engine) throws IOException {
        try (InputStream info = SelfDescriptionTest.class.getResourceAsStream("/engines/" + engine + "-info.json");
             InputStream version = SelfDescriptionTest.class.getResourceAsStream("/engines/" + engine + "-version.json")) {
            return SelfDescription.parse(info, version);
        }
    }

    @Test
    void dockersAnswersGiveEveryField() throws IOException {
        SelfDescription self = captured("docker");
        EngineInfo info = EngineInfoReader.info(self, EngineKind.of(self));
        assertThat(info.summary()).isEqualTo("Docker 20.10.24+dfsg1 (API 1.41) on Debian GNU/Linux 12 (bookworm), kernel"
                + " 6.18.44-fc-v1045, cgroup v1 (cgroupfs), overlay2, 2 CPUs, 24105 MiB, security [name=seccomp,profile=default]");
        assertThat(info.osType()).isEqualTo("linux");
        assertThat(info.architecture()).isEqualTo("x86_64");
        assertThat(info.containersRunning()).isEqualTo(2);
        assertThat(info.containersStopped()).isZero();
        assertThat(info.images()).isEqualTo(5);
    }

    @Test
    void podmanIsNamedByItsVersionComponentAndRootlessByItsSecurityOptions() throws IOException {
        SelfDescription podman = captured("podman");
        assertThat(EngineInfoReader.info(podman, EngineKind.of(podman)).summary()).isEqualTo("Podman 4.3.1 (API 1.41) on"
                + " debian, kernel 6.18.44-fc-v1045, cgroup v1 (cgroupfs), overlay, 2 CPUs, 24105 MiB, security"
                + " [name=seccomp,profile=default]");
        SelfDescription rootless = captured("rootless");
        EngineInfo info = EngineInfoReader.info(rootless, EngineKind.of(rootless));
        assertThat(info.security().rootless()).isTrue();
        assertThat(info.cgroupDriver()).isEqualTo("none");
    }

    @Test
    void absentFieldsAreEmptyOrMinusOne() throws IOException {
        SelfDescription self = SelfDescription.parse(new java.io.ByteArrayInputStream("{}".getBytes()),
                new java.io.ByteArrayInputStream("{\"Version\":\"1.2\"}".getBytes()));
        EngineInfo info = EngineInfoReader.info(self, EngineKind.of(self));
        assertThat(info.serverVersion()).isEqualTo("1.2");
        assertThat(info.operatingSystem()).isEmpty();
        assertThat(info.cpus()).isEqualTo(-1);
        assertThat(info.memoryBytes()).isEqualTo(-1);
        assertThat(EngineKind.of(self).unapplied()).isEmpty();
    }
}
