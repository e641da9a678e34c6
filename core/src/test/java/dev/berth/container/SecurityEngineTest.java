package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import dev.berth.Security;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security options observed from inside containers and in {@code inspect} on the real engine. */
class SecurityEngineTest extends EngineTestSupport {
    @Test
    void busyboxRunsHardened() {
        try (RunningContainer c = engine.start(Shell.idle().withSecurity(Security.hardened()))) {
            assertThat(Shell.exec(engine, c, "id -u; id -g").out()).isEqualTo("65534\n65534");
            assertThat(Shell.exec(engine, c, "grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status").out())
                    .isEqualTo("CapEff:\t0000000000000000\nCapBnd:\t0000000000000000\nNoNewPrivs:\t1");
            Shell.Result rootfs = Shell.exec(engine, c, "touch /etc/berth");
            assertThat(rootfs.exitCode()).isNotZero();
            assertThat(rootfs.stderr()).contains("Read-only file system");
            assertThat(Shell.exec(engine, c, "touch /tmp/berth && echo tmp-writable").out()).isEqualTo("tmp-writable");
        }
    }

    @Test
    void redisFixtureServesHardened() throws Exception {
        ContainerSpec redis = ContainerSpec.of("localhost:5000/berth-fixtures/redis:7").withExposedPorts(6379)
                .withSecurity(Security.hardened());
        try (RunningContainer c = engine.start(redis)) {
            Awaitility.await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> Shell.logs(engine, c).contains("Ready to accept connections"));
            try (Socket socket = new Socket(c.host(), c.mappedPort(6379))) {
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                int read = socket.getInputStream().readNBytes(reply, 0, 7);
                assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
            assertThat(engine.docker().inspectContainerCmd(c.id()).exec().getConfig().getUser())
                    .isEqualTo("65534:65534");
        }
    }

    @Test
    void readOnlyRootfsRefusesWritesOutsideTmpfsPaths() {
        try (RunningContainer c = engine.start(Shell.idle().withSecurity(Security.defaults()
                .withReadOnlyRootfs("/scratch").withTmpfs("/cache", "size=1m")))) {
            assertThat(Shell.exec(engine, c, "touch /berth").stderr()).contains("Read-only file system");
            assertThat(Shell.exec(engine, c, "touch /scratch/a /cache/b && echo ok").out()).isEqualTo("ok");
            assertThat(Shell.exec(engine, c, "df -k /cache | tail -1 | awk '{print $2}'").out()).isEqualTo("1024");
        }
    }

    @Test
    void chownFailsAfterDroppingCapChown() {
        try (RunningContainer dropped = engine.start(Shell.idle().withSecurity(Security.defaults()
                .withCapDrop("CHOWN")));
             RunningContainer control = engine.start(Shell.idle())) {
            String chown = "touch /tmp/f && chown 65534 /tmp/f";
            Shell.Result refused = Shell.exec(engine, dropped, chown);
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("Operation not permitted");
            assertThat(Shell.exec(engine, control, chown).exitCode()).isZero();
        }
    }

    @Test
    void capAddGrantsWhatDropAllRemoved() {
        try (RunningContainer c = engine.start(Shell.idle().withSecurity(Security.defaults().withCapDrop("ALL")
                .withCapAdd("CHOWN")))) {
            assertThat(Shell.exec(engine, c, "grep CapEff /proc/self/status").out()).isEqualTo("CapEff:\t0000000000000001");
        }
    }

    @Test
    void selinuxLabelsReachTheEngineWhichRunsWithoutSelinux() {
        Security labelled = Security.defaults().withSelinuxType("container_t").withSelinuxLevel("s0:c1,c2");
        try (RunningContainer c = engine.start(Shell.idle().withSecurity(labelled))) {
            InspectContainerResponse inspect = engine.docker().inspectContainerCmd(c.id()).exec();
            // Podman keeps the labels it was sent as one option: "label=type:container_t,label=level:s0:c1,c2"
            assertThat(inspect.getHostConfig().getSecurityOpts().stream()
                    .flatMap(opt -> java.util.Arrays.stream(opt.split(",(?=label=)"))))
                    .containsExactly("label=type:container_t", "label=level:s0:c1,c2");
            assertThat(engine.docker().infoCmd().exec().getSecurityOptions())
                    .noneMatch(opt -> opt.contains("selinux"));
        }
    }

    @Test
    void seccompProfileFileIsEnforcedInline(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("deny-mkdir.json");
        Files.writeString(profile, "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": "
                + "[\"mkdir\", \"mkdirat\"], \"action\": \"SCMP_ACT_ERRNO\"}]}\n");
        try (RunningContainer c = engine.start(Shell.idle().withSecurity(Security.defaults()
                .withSeccompProfile(profile)));
             RunningContainer unconfined = engine.start(Shell.idle().withSecurity(Security.defaults()
                .withSeccompUnconfined()))) {
            assertThat(Shell.exec(engine, c, "mkdir /tmp/d").stderr()).contains("Operation not permitted");
            assertThat(Shell.exec(engine, c, "touch /tmp/f && echo other-calls-allowed").out())
                    .isEqualTo("other-calls-allowed");
            assertThat(Shell.exec(engine, unconfined, "grep Seccomp: /proc/self/status").out())
                    .isEqualTo("Seccomp:\t0");
        }
    }
}
