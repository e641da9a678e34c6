package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.engine.DockerClients;
import dev.berth.EngineEndpoint;
import dev.berth.faults.FaultyEngineProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine hangs or dies while a report is collected: the report is still written, within its time
 * budget, naming what could not be collected. The engine is reached through a proxy the test controls.
 */
class SlowOrGoneEngineTest {
    private static Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
        ReportCollector.warmUp();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aHangingEngineYieldsAReportNamingEveryCallThatTimedOut() throws Exception {
        try (RunningContainer db = engine.start(ContainerSpec.of(ReportFixtures.BUSYBOX).withName("db")
                     .withCommand("sh", "-c", "echo up; sleep 60"));
             FaultyEngineProxy proxy = FaultyEngineProxy.tcp()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> db.logs().lines().contains("up"));
            DockerClient viaProxy = client(proxy);
            viaProxy.pingCmd().exec(); // the proxy works until it freezes
            proxy.hang();
            FailureReporter.Result r = new FailureReporter(viaProxy, proxy.dockerHost(),
                    ReportSettings.defaults().withDirectory(dir)).report("a.HangTest", "hangs()",
                    List.of(ReportTarget.of(db)));
            System.out.println("Report with a hanging engine collected in " + r.report().collectionTime().toMillis()
                    + " ms");
            String timedOut = " \\(timed out (after \\d+ ms|: the collection's 1900 ms budget was used up)\\)";
            // the log lines come from the container's capture, which needs no engine call
            assertThat(r.report().containers().get(0).logs()).containsExactly("up");
            assertThat(r.report().notCollected()).hasSize(6).satisfiesExactlyInAnyOrder(
                    n -> assertThat(n).matches("engine info" + timedOut),
                    n -> assertThat(n).matches("engine version" + timedOut),
                    n -> assertThat(n).matches("state of db" + timedOut),
                    n -> assertThat(n).matches("image of db" + timedOut),
                    n -> assertThat(n).matches("image history of db" + timedOut),
                    n -> assertThat(n).matches("stats of db" + timedOut));
            String md = Files.readString(r.files().markdown());
            assertThat(md).containsPattern("- not collected: state of db" + timedOut + "\n").contains(
                    "## Engine\n\nNot collected.\n", "## Container db\n\nState and configuration not collected.\n");
            assertThat(r.summary()).contains("  engine: not collected\n", "  db: image unknown, state not collected\n")
                    .containsPattern("  not collected: stats of db" + timedOut + "\n");
        }
    }

    @Test
    void anEngineThatHangsAfterConnectStillGetsItsEngineSectionFromWhatTheConnectionRead() throws Exception {
        try (RunningContainer db = engine.start(ContainerSpec.of(ReportFixtures.BUSYBOX).withName("db")
                     .withCommand("sh", "-c", "echo up; sleep 60"));
             FaultyEngineProxy proxy = FaultyEngineProxy.tcp();
             Engine viaProxy = Berth.connect(proxy.dockerHost())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> viaProxy.knownInfo().isPresent() && db.logs().lines().contains("up"));
            proxy.hang();
            FailureReporter.Result r = new FailureReporter(viaProxy, ReportSettings.defaults().withDirectory(dir))
                    .report("a.HangTest", "hangsLater()", List.of(ReportTarget.of(db)));

            EngineSection e = r.report().engine();
            assertThat(e.serverVersion()).isEqualTo(engine.info().serverVersion());
            assertThat(e.storageDriver()).isEqualTo(engine.info().storageDriver());
            assertThat(e.containersRunning()).isNull(); // the counts are asked for now, and the engine hangs
            assertThat(r.report().notCollected()).anySatisfy(n -> assertThat(n).startsWith("engine counts (timed out"))
                    .noneSatisfy(n -> assertThat(n).startsWith("engine info"))
                    .noneSatisfy(n -> assertThat(n).startsWith("engine version"));
            assertThat(r.report().collectionTime()).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aStoppedEngineYieldsAReportNamingWhyNothingWasCollected() throws Exception {
        DockerClient viaProxy;
        String host;
        try (FaultyEngineProxy proxy = FaultyEngineProxy.tcp()) {
            viaProxy = client(proxy);
            host = proxy.dockerHost();
        }
        FailureReporter.Result r = new FailureReporter(viaProxy, host, ReportSettings.defaults().withDirectory(dir))
                .report("a.GoneTest", "gone()", List.of(ReportTarget.of("0123456789ab")));
        System.out.println("Report with a stopped engine collected in " + r.report().collectionTime().toMillis()
                + " ms: " + r.report().notCollected());
        assertThat(r.report().engine()).isNull();
        assertThat(r.report().notCollected()).hasSize(5).allSatisfy(n -> assertThat(n).containsPattern(
                "^(engine info|engine version|state of 0123456789ab|logs of 0123456789ab|stats of 0123456789ab)"
                        + " \\(HttpHostConnectException: Connect to http://127.0.0.1:\\d+ failed: Connection refused\\)$"));
        assertThat(Files.readString(r.files().json())).contains("\"engine\": null");
    }

    private static DockerClient client(FaultyEngineProxy proxy) {
        return DockerClients.create(new EngineEndpoint(proxy.dockerHost(), false, Optional.empty(), "test proxy"),
                Duration.ofSeconds(1));
    }
}
