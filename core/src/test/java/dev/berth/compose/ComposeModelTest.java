package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.Healthcheck;
import dev.berth.InvalidSpecException;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Mount;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.PullPolicy;
import dev.berth.StopPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every supported key of compose/all-keys/docker-compose.yml, mapped onto Berth's typed options (no engine). */
class ComposeModelTest {
    static final Path DIR = Path.of("src/test/resources/compose/all-keys").toAbsolutePath();
    static final ComposeProject PROJECT = ComposeProject.file("src/test/resources/compose/all-keys/docker-compose.yml")
            .withEnv("FROM_SHELL", "shell-value");
    final ComposeModel model = PROJECT.load();

    @Test
    void projectNameFollowsComposeRulesAndNamesAreLocalWithoutASession() {
        assertThat(model.name()).isEqualTo("berthallkeys");
        assertThat(model.volumes()).containsExactly("berthallkeys_shared", "berthallkeys_app-anon0");
        assertThat(model.service("app").spec().image().toString()).isEqualTo("berthallkeys-app:local");
    }

    @Test
    void profilesDecideWhichServicesStart() {
        assertThat(model.services()).containsOnlyKeys("init", "cache", "app", "sidecar", "debug");
        assertThat(model.activeServices()).containsExactly("init", "cache", "app", "sidecar");
        assertThat(PROJECT.withProfiles("debug").load().activeServices()).contains("debug");
        assertThat(PROJECT.withEnv("COMPOSE_PROFILES", "other,debug").load().activeServices()).contains("debug");
    }

    @Test
    void imageCommandEntrypointEnvironmentAndEnvFile() {
        ContainerSpec init = model.service("init").spec();
        assertThat(init.image().toString()).isEqualTo("localhost:5000/berth-fixtures/busybox:1");
        assertThat(init.command()).containsExactly("sh", "-c", "echo seeded > /shared/seed.txt");
        ContainerSpec app = model.service("app").spec();
        assertThat(app.entrypoint().orElseThrow()).containsExactly("/bin/sh", "-c");
        assertThat(app.command()).containsExactly("exec httpd -f -p 8080 -h /www");
        assertThat(model.service("sidecar").spec().command()).containsExactly("sleep", "600");
        assertThat(app.env()).containsExactly(Map.entry("FROM_ENV_FILE", "yes"), Map.entry("QUOTED", "a b"),
                Map.entry("APP_MODE", "test"), Map.entry("STRICT", "unset"), Map.entry("FROM_SHELL", "shell-value"),
                Map.entry("LITERAL", "$HOME"));
        assertThat(PROJECT.withEnv("APP_MODE", "ci").load().service("app").spec().env()).containsEntry("APP_MODE", "ci");
    }

    @Test
    void buildUsesTheContextDockerfileAndInterpolatedArgs() {
        ComposeBuild build = model.service("app").build().orElseThrow();
        assertThat(build.context()).isEqualTo(DIR.resolve("app"));
        assertThat(build.dockerfile()).isEqualTo(Path.of("Dockerfile.test"));
        assertThat(build.args()).containsExactly(Map.entry("GREETING", "hello-from-dotenv"));
        assertThat(model.service("app").spec().pullPolicy()).isEqualTo(PullPolicy.NEVER);
        assertThat(model.service("cache").build()).isEmpty();
    }

    @Test
    void labelsWorkingDirUserHostnameAndMergeKeys() {
        ContainerSpec app = model.service("app").spec();
        assertThat(app.labels()).containsEntry("com.example.role", "web")
                .containsEntry("com.docker.compose.project", "berthallkeys")
                .containsEntry("com.docker.compose.service", "app");
        assertThat(model.service("cache").spec().labels()).containsEntry("team", "berth");
        assertThat(app.workingDir()).hasValue("/www");
        assertThat(app.security().user()).hasValue("0:0");
        assertThat(app.namespaces().hostname()).hasValue("app-host");
        assertThat(app.namespaces().domainname()).hasValue("example.test");
    }

    @Test
    void portsExposeAndHealthcheck() {
        assertThat(model.service("app").spec().exposedPorts()).containsExactly(8080, 8081);
        assertThat(model.service("app").spec().fixedPorts()).isEmpty();
        ContainerSpec cache = model.service("cache").spec();
        assertThat(cache.exposedPorts()).containsExactly(6379);
        assertThat(cache.healthcheck()).hasValue(new Healthcheck(List.of("CMD", "redis-cli", "ping"),
                Duration.ofMillis(500), Duration.ofSeconds(5), 20, Duration.ofSeconds(30)));
    }

    @Test
    void dependsOnConditionsAndServiceReferences() {
        assertThat(model.service("app").dependsOn()).containsExactly(
                Map.entry("cache", DependsOn.SERVICE_HEALTHY), Map.entry("init", DependsOn.SERVICE_COMPLETED_SUCCESSFULLY));
        assertThat(model.service("app").spec().dependsOn()).containsExactly("cache", "init");
        assertThat(model.service("sidecar").dependsOn()).containsOnlyKeys("app");
    }

    @Test
    void networksWithAliasesAndNamespaces() {
        assertThat(model.service("cache").networks()).containsExactly(Map.entry("backend", List.of("redis", "kv")));
        assertThat(model.service("app").networks()).containsOnlyKeys("backend", "default");
        assertThat(model.service("sidecar").networks()).isEmpty();
        assertThat(model.networks()).containsOnlyKeys("backend", "default");
        assertThat(model.networks().get("backend").labels()).containsEntry("purpose", "test");
        assertThat(model.networks().get("backend").name()).isEqualTo("berthallkeys_backend");
        ContainerSpec sidecar = model.service("sidecar").spec();
        assertThat(sidecar.namespaces().network()).hasValue(NetworkMode.container("app"));
        assertThat(sidecar.namespaces().ipc()).hasValue(IpcMode.container("app"));
        assertThat(sidecar.namespaces().pid()).hasValue(PidMode.container("app"));
        assertThat(model.service("app").spec().namespaces().ipc()).hasValue(IpcMode.shareable());
        assertThat(model.service("app").spec().namespaces().init()).isTrue();
    }

    @Test
    void volumesBindMountsAndTmpfs() {
        assertThat(model.service("init").spec().mounts()).containsExactly(
                Mount.volume("berthallkeys_shared", "/shared"));
        assertThat(model.service("app").spec().mounts()).containsExactly(
                Mount.volume("berthallkeys_shared", "/shared").readOnlyMount(),
                Mount.bind(DIR.resolve("static").toString(), "/www").readOnlyMount().withRelabel(Mount.Relabel.SHARED),
                Mount.volume("berthallkeys_app-anon0", "/scratch"));
        assertThat(model.service("app").spec().security().tmpfs()).containsExactly(Map.entry("/run", "size=16m"));
    }

    @Test
    void limitsFromTopLevelKeysAndDeployResources() {
        assertThat(model.service("app").spec().limits()).isEqualTo(Limits.memory("64m").memorySwap("128m")
                .memoryReservation("32m").cpus(0.5).cpuShares(512).cpuset("0").pids(100)
                .ulimit("nofile", 1024, 2048).ulimit("nproc", 512, 512).shmSize("32m"));
        assertThat(model.service("sidecar").spec().limits()).isEqualTo(Limits.memory("32m").memoryReservation("16m")
                .cpus(0.25).pids(50));
    }

    @Test
    void securityAndStopPolicy() {
        ContainerSpec app = model.service("app").spec();
        assertThat(app.security().capAdd()).containsExactly("NET_ADMIN");
        assertThat(app.security().capDrop()).containsExactly("MKNOD");
        assertThat(app.security().readOnlyRootfs()).isTrue();
        assertThat(app.security().noNewPrivileges()).isTrue();
        assertThat(app.security().privileged()).isFalse();
        assertThat(app.stopPolicy()).isEqualTo(StopPolicy.graceful(Duration.ofSeconds(2)));
        assertThat(model.service("cache").spec().stopPolicy()).isEqualTo(StopPolicy.kill());
    }

    @Test
    void aServiceByAnUnknownNameIsAnError() {
        assertThatThrownBy(() -> model.service("web")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid compose service: \"web\". Allowed: a service of"
                        + " src/test/resources/compose/all-keys/docker-compose.yml: init, cache, app, sidecar, debug."
                        + " Example: \"init\".");
    }
}
