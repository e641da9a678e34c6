package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report about a running Redis and PostgreSQL, compared with what the docker CLI says. */
class ReportAcceptanceTest {
    private static Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void reportsEngineImagesHistoryStatesLogsStatsAndNetworksWithSecretsMasked() throws Exception {
        FailureReporter reporter = new FailureReporter(engine, ReportSettings.defaults().withDirectory(dir));
        Network net = engine.network("report");
        try (RunningContainer redis = engine.start(ContainerSpec.of(ReportFixtures.REDIS).withName("cache")
                     .withExposedPorts(6379));
             RunningContainer pg = engine.start(ContainerSpec.of(ReportFixtures.POSTGRES).withName("db")
                     .withExposedPorts(5432).withEnv("POSTGRES_PASSWORD", "secret"))) {
            engine.docker().connectToNetworkCmd().withNetworkId(net.id()).withContainerId(redis.id())
                    .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork().withAliases("cache"))
                    .exec();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    ReportFixtures.logs(engine, pg.id()).contains("database system is ready to accept connections")
                            && ReportFixtures.logs(engine, redis.id()).contains("Ready to accept connections"));

            FailureReporter.Result result = reporter.report("dev.berth.report.ReportAcceptanceTest",
                    "redisAndPostgres()", List.of(ReportTarget.of(redis), ReportTarget.of(pg)));
            String md = Files.readString(result.files().markdown());
            String json = Files.readString(result.files().json());
            System.out.println("Report of 2 containers collected in " + result.report().collectionTime().toMillis()
                    + " ms; not collected: " + result.report().notCollected());

            assertThat(result.files().markdown())
                    .isEqualTo(dir.resolve("dev.berth.report.ReportAcceptanceTest/redisAndPostgres.md"));
            assertThat(result.report().notCollected()).isEmpty();
            String version = engine.docker().versionCmd().exec().getVersion();
            assertThat(md).contains("- Server version: " + version + " (API ");
            assertThat(json).contains("\"serverVersion\": \"" + version + "\"");
            for (String image : List.of(ReportFixtures.REDIS, ReportFixtures.POSTGRES)) {
                List<String> rows = ReportFixtures.dockerHistory(image);
                assertThat(rows).isNotEmpty();
                assertThat(result.report().containers().stream().filter(c -> c.image().reference().equals(image))
                        .findFirst().orElseThrow().image().history()).hasSameSizeAs(rows);
                for (String row : rows) {
                    String[] f = row.split(ReportFixtures.FIELD, -1);
                    assertThat(md).contains("| " + MarkdownRenderer.shortId(f[0]) + " | ")
                            .contains(" | " + f[1].replace("|", "\\|") + " | " + f[2] + " | " + f[3] + " |");
                }
            }
            assertThat(md).contains("## Container cache", "## Container db", "- Reference: " + ReportFixtures.REDIS,
                    "- Reference: " + ReportFixtures.POSTGRES);
            assertThat(md.split("- Status: running", -1)).hasSize(3);
            assertThat(md.split("### Resource usage \\(one sample\\)", -1)).hasSize(3);
            assertThat(md).contains("Ready to accept connections", "database system is ready to accept connections");
            assertThat(md).contains("`POSTGRES_PASSWORD=****`", "6379/tcp -> 127.0.0.1:" + redis.mappedPort(6379));
            assertThat(md).contains("## Networks", "### " + net.name() + " (bridge)", "| cache");
            assertThat(md).containsPattern("- Memory: [0-9.]+[KMG]?i?B / [0-9.]+[KMG]iB");
            for (String text : List.of(md, json, result.summary())) {
                assertThat(text).doesNotContain("secret");
            }
            assertThat(json).contains("\"POSTGRES_PASSWORD=****\"");
            assertThat(result.summary()).startsWith("Berth report: ReportAcceptanceTest > redisAndPostgres() -> ")
                    .contains("  cache: " + ReportFixtures.REDIS + "@", ", running, OOMKilled false\n");
        } finally {
            net.close();
        }
    }
}
