package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code BERTH_TEST_ENGINE} (docker, tls, podman, rootless; default docker) says which engine this run expects. */
class EngineInfoTest {
    private static final String ENGINE = System.getenv().getOrDefault("BERTH_TEST_ENGINE", "docker");

    @Test
    void describesTheRealEngine() {
        boolean podman = ENGINE.equals("podman");
        boolean rootless = ENGINE.equals("rootless");
        try (Engine engine = Berth.connect()) {
            EngineInfo info = engine.info();
            assertThat(info.product()).isEqualTo(podman ? "Podman" : "Docker");
            assertThat(info.serverVersion()).startsWith(podman ? "4.3." : "20.10.");
            assertThat(info.apiVersion()).isEqualTo("1.41");
            assertThat(info.osType()).isEqualTo("linux");
            assertThat(info.operatingSystem()).isNotEmpty();
            assertThat(info.kernelVersion()).isEqualTo(System.getProperty("os.version"));
            assertThat(info.cgroupVersion()).isEqualTo("1");
            assertThat(info.cgroupDriver()).isEqualTo(rootless ? "none" : "cgroupfs");
            assertThat(info.storageDriver()).isEqualTo(podman ? "overlay" : rootless ? "fuse-overlayfs" : "overlay2");
            assertThat(info.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(info.memoryBytes()).isGreaterThan(1L << 30);
            assertThat(info.security().seccomp()).isTrue();
            assertThat(info.security().seccompProfile()).isEqualTo("default");
            assertThat(info.security().selinux()).isFalse();
            assertThat(info.security().rootless()).isEqualTo(rootless);
            assertThat(info.containersRunning()).isNotNegative();
            assertThat(info.containersStopped()).isNotNegative();
            assertThat(info.images()).isPositive();
            System.out.println(info.summary());
            assertThat(info.summary()).startsWith((rootless ? "rootless " : "") + info.product() + " "
                    + info.serverVersion() + " (API 1.41) on ").contains(", cgroup v1 (" + info.cgroupDriver() + "), "
                    + info.storageDriver() + ", ");
        }
    }

    @Test
    void parsesEverySecurityOptionTheEngineReports() {
        EngineInfo.SecurityOptions s = EngineInfo.SecurityOptions.parse(List.of("name=apparmor",
                "name=seccomp,profile=/etc/seccomp.json", "name=selinux", "name=rootless", "name=userns",
                "name=cgroupns", "name=unknown"));
        assertThat(s).isEqualTo(new EngineInfo.SecurityOptions(true, true, "/etc/seccomp.json", true, true, true,
                true, s.raw()));
        assertThat(s.raw()).hasSize(7);
    }

    @Test
    void noSecurityOptionsMeansAllOff() {
        assertThat(EngineInfo.SecurityOptions.parse(List.of("name=seccomp,profile=default")))
                .isEqualTo(new EngineInfo.SecurityOptions(false, true, "default", false, false, false, false,
                        List.of("name=seccomp,profile=default")));
        assertThat(EngineInfo.SecurityOptions.parse(List.of()).seccomp()).isFalse();
    }
}
