package dev.berth.report;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.HostConfig;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import dev.berth.session.Session;
import dev.berth.wait.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container killed by its memory limit, and a container that failed to start. */
class OomReportTest {
    private static Engine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
        ReportCollector.warmUp();
        // as in a real run, where reports come long after connect: the connection has read the engine (Podman takes
        // seconds, tens of them on a loaded machine, to describe itself)
        await().atMost(Duration.ofSeconds(150)).until(() -> engine.knownInfo().isPresent());
    }

    @AfterAll
    static void close() {
        engine.close(); // removes the containers recorded in the session
    }

    @Test
    void anOomKilledContainerIsReportedWithExitCode137AndItsMemoryLimit() throws Exception {
        dev.berth.EngineAbilities.assumeCgroupLimits(engine);
        String id = startHog("sh", "-c", "echo filling memory; head -c 100m /dev/zero | tail");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                !Boolean.TRUE.equals(engine.docker().inspectContainerCmd(id).exec().getState().getRunning()));

        FailureReporter.Result r = new FailureReporter(engine, ReportSettings.defaults().withDirectory(dir))
                .report("dev.berth.report.OomReportTest", "hog()", List.of(new ReportTarget(id, "hog",
                        ReportFixtures.BUSYBOX, List.of(), null)));
        String md = Files.readString(r.files().markdown());

        assertThat(md).contains("- Status: exited\n- Exit code: 137\n- OOMKilled: true\n",
                // the engine's own defaults follow (Podman: PidsLimit=2048, its ShmSize, its default ulimits)
                "- Limits: Memory=16777216 (16MiB), MemorySwap=16777216 (16MiB), ",
                "- Command: `sh -c 'echo filling memory; head -c 100m /dev/zero | tail'`\n",
                // "Killed" follows only when the kernel picks tail, not sh: 5 of 8 `docker run -m 16m` here had none
                "```text\nfilling memory\n");
        assertThat(md).doesNotContain("### Resource usage");
        assertThat(r.report().oneLine()).isEqualTo("1 container: hog exited 137 (OOMKilled)");
        assertThat(r.summary()).contains("  hog: " + ReportFixtures.BUSYBOX + "@",
                ", exited, exit code 137, OOMKilled true\n    | filling memory\n");
        assertThat(Files.readString(r.files().json())).contains("\"oomKilled\": true", "\"exitCode\": 137",
                "\"Memory\": \"16777216 (16MiB)\"");
    }

    @Test
    void aFailedStartCarriesTheReportSummaryNamingWhatIsGone() {
        ContainerStartException failure = new ContainerStartException("wait strategy timed out",
                ReportFixtures.BUSYBOX, "0000000000000000000000000000000000000000000000000000000000000000", 3L, false,
                List.of("starting", "POSTGRES_PASSWORD=hunter22 accepted"), null);
        ContainerStartException explained = new FailureReporter(engine, ReportSettings.defaults()
                .withDirectory(dir)).explain(failure, null);

        assertThat(explained).isSameAs(failure);
        FailureReport report = StartFailureReports.attached(explained);
        assertThat(report.containers()).hasSize(1);
        assertThat(report.containers().get(0).logs()).containsExactly("starting", "POSTGRES_PASSWORD=**** accepted");
        assertThat(report.containers().get(0).image().reference()).isEqualTo(ReportFixtures.BUSYBOX);
        assertThat(report.containers().get(0).container().state().exitCode()).isEqualTo(3L);
        // Berth's text around the engine's own message, which names the id (Docker: "No such container: <id>";
        // Podman: "no container with name or ID \"<id>\" found: no such container")
        assertThat(report.notCollected()).singleElement().asString()
                .matches("state of failed start \\(not found: [^{}\n]*0{64}[^{}\n]*\\)");
        assertThat(explained.getSuppressed()[0].getMessage()).startsWith("Berth report: start of "
                + ReportFixtures.BUSYBOX + "\n  engine: ").contains(
                "\n  failed start: " + ReportFixtures.BUSYBOX + "@",
                ", removed after a failed start, exit code 3, OOMKilled false\n    | starting\n"
                        + "    | POSTGRES_PASSWORD=**** accepted\n  not collected: state of failed start (not found: ");
    }

    @Test
    void aContainerThatFailsItsWaitStrategyIsExplainedWithExitCodeAndLastLogLines() throws Exception {
        ContainerSpec flaky = ContainerSpec.of(ReportFixtures.BUSYBOX)
                .withName("flaky").withEnv("POSTGRES_PASSWORD", "hunter22")
                .withCommand("sh", "-c", "echo booting; echo password is $POSTGRES_PASSWORD; exit 3")
                .waitingFor(Wait.forLogMessage(".*never printed.*"))
                .withStartupTimeout(Duration.ofSeconds(20));
        ContainerStartException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                ContainerStartException.class, () -> engine.start(flaky));
        assertThat(failure.exitCode()).hasValue(3);

        ContainerStartException explained = new FailureReporter(engine, ReportSettings.defaults()
                .withDirectory(dir)).explain(failure, flaky);
        FailureReport report = StartFailureReports.attached(explained);
        String md = new MarkdownRenderer().render(report);

        // the launcher collected the report before it removed the container: the real state
        assertThat(report).isSameAs(StartFailureReports.collected(failure));
        assertThat(md).contains("- Status: exited\n- Exit code: 3\n- OOMKilled: false\n",
                "```text\nbooting\npassword is ****\n```\n", "- Reference: " + ReportFixtures.BUSYBOX + "\n");
        assertThat(explained.getSuppressed()[explained.getSuppressed().length - 1].getMessage())
                .contains("\n  flaky: " + ReportFixtures.BUSYBOX + "@", ", exited, exit code 3, OOMKilled false\n    | booting\n"
                        + "    | password is ****");
        assertThat(md + explained.getSuppressed()[explained.getSuppressed().length - 1].getMessage())
                .doesNotContain("hunter22");
    }

    private static String startHog(String... command) {
        HostConfig host = HostConfig.newHostConfig().withMemory(16L * 1024 * 1024).withMemorySwap(16L * 1024 * 1024);
        String id = engine.docker().createContainerCmd(ReportFixtures.BUSYBOX).withCmd(command)
                .withLabels(Internals.ledger(engine).labels()).withHostConfig(host).exec().getId();
        Internals.ledger(engine).record(Session.Kind.CONTAINER, id, "hog");
        engine.docker().startContainerCmd(id).exec();
        return id;
    }
}
