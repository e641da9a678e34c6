package dev.berth.compose;

import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import dev.berth.ContainerStartException;
import dev.berth.EngineTestSupport;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compose files started on the real engine with the fixture images. */
class ComposeEngineTest extends EngineTestSupport {
    static final String BAD = "src/test/resources/compose/bad/";

    @BeforeAll
    static void baseImageForTheBuild() {
        engine.images().ensure(BUSYBOX);
    }

    @Test
    void everySupportedKeyRunsAndCloseRemovesEverything() throws Exception {
        RunningCompose project = ComposeModelTest.PROJECT.start(engine);
        List<String> ids;
        try {
            assertThat(project.services()).containsOnlyKeys("init", "cache", "app", "sidecar");
            RunningContainer app = project.service("app");
            ids = project.services().values().stream().map(RunningContainer::id).toList();

            // ports + bind mount: the static page through the published port
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://" + app.host() + ":" + app.mappedPort(8080) + "/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("served from a bind mount");
            assertThat(app.mappedPort(8081)).isPositive();
            // service_completed_successfully + the shared named volume; build args; env_file and environment
            assertThat(app.exec("cat", "/shared/seed.txt").stdout().trim()).isEqualTo("seeded");
            assertThat(app.exec("cat", "/greeting.txt").stdout().trim()).isEqualTo("hello-from-dotenv");
            assertThat(app.exec("sh", "-c", "echo $APP_MODE $FROM_ENV_FILE $LITERAL").stdout().trim())
                    .isEqualTo("test yes $HOME");
            // service_healthy + aliases on the backend network
            assertThat(project.service("cache").state().health()).contains("healthy");
            assertThat(inspect(project.service("cache")).getConfig().getHealthcheck().getStartPeriod())
                    .isEqualTo(Duration.ofSeconds(30).toNanos());
            for (String alias : List.of("cache", "redis", "kv")) {
                assertThat(app.exec("sh", "-c", "printf 'PING\\r\\n' | nc -w 2 " + alias + " 6379").stdout())
                        .as(alias).contains("+PONG");
            }
            assertThat(project.service("init").state().exitCode()).hasValue(0);

            HostConfig h = inspect(app).getHostConfig();
            assertThat(h.getMemory()).isEqualTo(64L << 20);
            assertThat(h.getMemoryReservation()).isEqualTo(32L << 20);
            assertThat(h.getNanoCPUs()).isEqualTo(500_000_000L);
            assertThat(h.getCpuShares()).isEqualTo(512);
            assertThat(h.getCpusetCpus()).isEqualTo("0");
            assertThat(h.getPidsLimit()).isEqualTo(100L);
            assertThat(h.getShmSize()).isEqualTo(32L << 20);
            assertThat(h.getUlimits()).extracting(u -> u.getName() + "=" + u.getSoft() + ":" + u.getHard())
                    .containsExactlyInAnyOrder("nofile=1024:2048", "nproc=512:512");
            assertThat(h.getCapAdd()).extracting(Object::toString).containsExactly("NET_ADMIN");
            assertThat(h.getCapDrop()).extracting(Object::toString).containsExactly("MKNOD");
            assertThat(h.getReadonlyRootfs()).isTrue();
            assertThat(h.getSecurityOpts()).containsExactly("no-new-privileges:true");
            assertThat(h.getInit()).isTrue();
            assertThat(h.getIpcMode()).isEqualTo("shareable");
            assertThat(h.getTmpFs()).containsEntry("/run", "size=16m");
            InspectContainerResponse appInfo = inspect(app);
            assertThat(appInfo.getConfig().getHostName()).isEqualTo("app-host");
            assertThat(appInfo.getConfig().getDomainName()).isEqualTo("example.test");
            assertThat(appInfo.getConfig().getUser()).isEqualTo("0:0");
            assertThat(appInfo.getConfig().getWorkingDir()).isEqualTo("/www");
            assertThat(appInfo.getConfig().getLabels()).containsEntry("com.example.role", "web")
                    .containsEntry("com.docker.compose.project", "berthallkeys")
                    .containsEntry(Session.LABEL_SESSION, engine.session().id());

            HostConfig side = inspect(project.service("sidecar")).getHostConfig();
            assertThat(side.getNetworkMode()).isEqualTo("container:" + app.id());
            assertThat(side.getPidMode()).isEqualTo("container:" + app.id());
            assertThat(side.getIpcMode()).isEqualTo("container:" + app.id());
            assertThat(side.getMemory()).isEqualTo(32L << 20);
            assertThat(side.getNanoCPUs()).isEqualTo(250_000_000L);
            assertThat(side.getPidsLimit()).isEqualTo(50L);

            assertThat(project.networks()).containsOnlyKeys("backend", "default");
            assertThat(project.networks().get("backend").name()).startsWith("berthallkeys_backend-"
                    + engine.session().id().substring(0, 8));
            assertThat(project.model().volumes()).containsExactly("berthallkeys_shared", "berthallkeys_app-anon0");
            assertThat(engine.docker().listVolumesCmd().exec().getVolumes()).extracting(v -> v.getName())
                    .contains(volume("berthallkeys_shared"), volume("berthallkeys_app-anon0"));
            assertThatThrownBy(() -> project.service("debug")).isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid compose service: \"debug\". Allowed: a started service: debug belongs to the"
                            + " profiles [debug], none of them active. Example: ComposeProject.withProfiles(\"debug\").");
        } finally {
            project.close();
        }
        for (String id : ids) {
            assertThat(engine.docker().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
        }
        assertThat(projectNetworks("berthallkeys")).isEmpty();
        assertThat(engine.docker().listVolumesCmd().exec().getVolumes()).extracting(v -> v.getName())
                .doesNotContain(volume("berthallkeys_shared"), volume("berthallkeys_app-anon0"));
        project.close();
    }

    @Test
    void engineComposeStartsAFileByPath() {
        try (RunningCompose project = engine.compose(Path.of("src/test/resources/compose/simple/docker-compose.yml"))) {
            RunningContainer web = project.service("web");
            assertThat(web.spec().name()).hasValue("web");
            assertThat(web.mappedPort(8080)).isPositive();
            assertThat(project.model().name()).isEqualTo("simple");
        }
    }

    @Test
    void aCycleIsRejectedBeforeAnyContainerAndItsNetworkIsRemoved() {
        assertThatThrownBy(() -> ComposeProject.file(BAD + "cycle.yml").start(engine))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("Invalid dependsOn: \"a -> b -> c -> a\". Allowed: dependencies without a cycle. Example:"
                        + " db <- app (app.withDependsOn(\"db\")). At " + BAD + "cycle.yml, line 4, column 5"
                        + " (services.a.depends_on).");
        assertThat(projectNetworks("bad")).isEmpty();
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", "bad",
                        Session.LABEL_SESSION, engine.session().id())).exec()).isEmpty();
    }

    @Test
    void aFailedCompletionConditionFailsTheStartAndLeavesNothing() {
        assertThatThrownBy(() -> ComposeProject.file(BAD + "failing-dependency.yml").start(engine))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("Service migrate exited (status exited, exit code 3); a dependent declares condition:"
                        + " service_completed_successfully, which needs exit code 0");
        assertThat(projectNetworks("bad")).isEmpty();
        assertThat(engine.docker().listVolumesCmd().exec().getVolumes()).noneMatch(
                v -> v.getName().equals(volume("bad_state")));
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", "bad",
                        Session.LABEL_SESSION, engine.session().id())).exec()).isEmpty();
    }

    @Test
    void aStartPeriodLetsAServiceFailItsHealthcheckWhileItStarts() {
        ComposeProject slow = ComposeProject.file("src/test/resources/compose/start-period/docker-compose.yml");
        try (RunningCompose project = slow.start(engine)) {
            RunningContainer c = project.service("slow");
            assertThat(c.state().health()).contains("healthy");
            assertThat(inspect(c).getConfig().getHealthcheck().getStartPeriod()).isEqualTo(Duration.ofMinutes(2).toNanos());
        }
        // failing checks during the start period do not count: "starting" after two failures, "unhealthy" without
        assertThat(statusAfterTwoFailedChecks(slow)).isEqualTo("starting");
        assertThat(statusAfterTwoFailedChecks(slow.withEnv("START_PERIOD", "0s"))).isEqualTo("unhealthy");
        assertThat(projectNetworks("start-period")).isEmpty();
    }

    @Test
    void theStopSignalIsSentFirstWhenTheProjectCloses(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        java.nio.file.Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        RunningCompose project = ComposeProject.file("src/test/resources/compose/stop-signal/docker-compose.yml")
                .withEnv("STOP_OUT", out.toString()).start(engine);
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.exists(out.resolve("ready")));
        } finally {
            project.close();
        }
        assertThat(out.resolve("marker")).hasContent("got-usr1");
    }

    @Test
    void healthcheckDisableTurnsOffTheImagesHealthcheck() {
        try (RunningCompose project = engine.compose(Path.of("src/test/resources/compose/healthcheck-disable/docker-compose.yml"))) {
            assertThat(project.service("on").state().health()).isPresent();
            for (String off : List.of("off", "none")) {
                assertThat(inspect(project.service(off)).getConfig().getHealthcheck().getTest()).as(off)
                        .containsExactly("NONE");
                assertThat(project.service(off).state().health()).as(off).isEmpty();
            }
        }
    }

    @Test
    void aFailedStartRemovesTheServicesThatWereReady() {
        assertThatThrownBy(() -> ComposeProject.file(BAD + "failing-after-started.yml").start(engine))
                .isInstanceOf(ContainerStartException.class).hasMessageContaining("Service migrate exited");
        assertThat(projectNetworks("bad")).isEmpty();
        assertThat(projectContainers("bad")).isEmpty();
    }

    @Test
    void aPartialOwnerGetsTheServicesThatWereReadyAndClosesThem() {
        List<RunningCompose> handed = new java.util.ArrayList<>();
        assertThatThrownBy(() -> ComposeProject.file(BAD + "failing-after-started.yml").start(engine, handed::add))
                .isInstanceOf(ContainerStartException.class).hasMessageContaining("Service migrate exited");
        assertThat(handed).hasSize(1);
        RunningCompose partial = handed.get(0);
        assertThat(partial.services()).containsOnlyKeys("store");
        assertThat(partial.service("store").state().running()).isTrue();
        assertThat(partial.service("store").logs().last(5)).contains("store up");
        assertThat(partial.networks()).containsOnlyKeys("default");
        assertThat(projectContainers("bad")).hasSize(1);
        partial.close();
        assertThat(projectContainers("bad")).isEmpty();
        assertThat(projectNetworks("bad")).isEmpty();
    }

    /** Starts the never-healthy service without waiting, and reads its health status once two checks failed. */
    private static String statusAfterTwoFailedChecks(ComposeProject project) {
        try (RunningContainer never = engine.start(project.load().service("never").spec())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                var health = inspect(never).getState().getHealth();
                if (health != null && health.getLog() != null && health.getLog().size() >= 2) {
                    return health.getStatus();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no two health checks within 60 s: " + health);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    static List<?> projectContainers(String project) {
        return engine.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(
                "com.docker.compose.project", project, Session.LABEL_SESSION, engine.session().id())).exec();
    }

    /** @return a project volume's engine name: core's Mount.volume makes it per session */
    static String volume(String declared) {
        return "berth-" + declared + "-" + engine.session().id().substring(0, 8);
    }

    static InspectContainerResponse inspect(RunningContainer c) {
        return engine.docker().inspectContainerCmd(c.id()).exec();
    }

    static List<?> projectNetworks(String project) {
        return engine.docker().listNetworksCmd().exec().stream()
                .filter(n -> n.getLabels() != null && project.equals(n.getLabels().get("com.docker.compose.project"))
                        && engine.session().id().equals(n.getLabels().get(Session.LABEL_SESSION)))
                .toList();
    }
}
