package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.berth.ContainerStartException;
import dev.berth.junit.fixtures.ComposeReportFixtures;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Failure reports cover compose services exactly as declared containers, each named by its service name: a
 * failing test, a failing {@code @BeforeAll}, and a compose start that fails after some services are ready
 * (those are reported running, the failed one as it exited) — in {@code @Compose} classes without
 * {@code @DockerTest}, leaving nothing behind.
 */
class ComposeFailureReportTest {
    private final Kit kit = new Kit();

    @TempDir
    Path dir;

    private String stderr;

    @BeforeEach
    void setUp() {
        Recorder.clear();
        System.setProperty("berth.reports.dir", dir.toString());
    }

    @AfterEach
    void close() {
        kit.close();
        System.clearProperty("berth.reports.dir");
    }

    private Kit.Run run(Class<?> fixture) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return kit.run(Map.of(), fixture);
        } finally {
            System.setErr(original);
            stderr = captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @return the published report entries; each starts with the report's path and one-line summary (a loaded
     *     machine may add "; N item(s) not collected" when the 2 s collection budget runs out)
     */
    private static List<String> entries(Kit.Run run) {
        return run.results().allEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("berth.report"))
                .toList();
    }

    private Path report(Class<?> fixture, String test) {
        return dir.resolve(ReportWriter.safeName(fixture.getName()) + "/" + test + ".md");
    }

    private void assertNothingLeftBehind(Kit.Run run) {
        assertThat(run.created()).isNotEmpty().noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aFailingTestReportsEveryServiceByItsNameWithItsLogs() throws Exception {
        Kit.Run run = run(ComposeReportFixtures.TestFails.class);
        run.results().testEvents().assertStatistics(s -> s.failed(1));

        Path md = report(ComposeReportFixtures.TestFails.class, "fails");
        assertThat(md.resolveSibling("fails.json")).exists();
        String report = Files.readString(md);
        String copy = Recorder.values("store").get(0);
        assertThat(report).contains("# Berth failure report: ComposeReportFixtures$TestFails > fails()\n",
                "## Container store\n", "- Id: " + copy, "```text\nstore up with ****\n```",
                "## Container client\n", "- Id: " + Recorder.values("client").get(0), "```text\nclient up\n```",
                "the order was not stored");
        // the reset-per-test service is reported as the test's fresh copy, not the seeded original (removed)
        assertThat(report).doesNotContain(Recorder.values("seeded").get(0));
        assertThat(entries(run)).singleElement().asString().startsWith(md.toAbsolutePath() + " — 2 containers: store running, client running");
        assertThat(stderr).contains("  store: berth-snapshots/store:", "    | store up with ****\n",
                "    | client up\n");
        assertThat(report + stderr + Files.readString(md.resolveSibling("fails.json"))).doesNotContain("hunter22");
        assertNothingLeftBehind(run);
    }

    @Test
    void aFailingBeforeAllReportsTheRunningServices() throws Exception {
        Kit.Run run = run(ComposeReportFixtures.BeforeAllFails.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1,
                event(container("BeforeAllFails"), finishedWithFailure(instanceOf(IllegalStateException.class))));
        assertThat(Recorder.values("ran")).isEmpty();

        Path md = report(ComposeReportFixtures.BeforeAllFails.class, "BeforeAll");
        String report = Files.readString(md);
        assertThat(report).contains("> @BeforeAll\n", "## Container store\n", "- Status: running\n",
                "- Id: " + Recorder.values("store").get(0), "```text\nstore up with ****\n```", "## Container client\n",
                "boom in @BeforeAll");
        assertThat(entries(run)).singleElement().asString().startsWith(md.toAbsolutePath() + " — 2 containers: store running, client running");
        assertNothingLeftBehind(run);
    }

    @Test
    void aFailingClassScopedStartReportsTheServicesThatStartedAndTheOneThatFailed() throws Exception {
        Kit.Run run = run(ComposeReportFixtures.StartFails.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(container("StartFails"),
                finishedWithFailure(instanceOf(ContainerStartException.class))));
        assertThat(Recorder.values("ran")).isEmpty();

        Path md = report(ComposeReportFixtures.StartFails.class, "BeforeAll");
        String report = Files.readString(md);
        assertThat(report).contains("> @BeforeAll\n", "## Container store\n", "- Status: running\n",
                "```text\nstore up\n```", "## Container migrate\n", "- Status: exited\n- Exit code: 3\n",
                "```text\nmigration failed\n```");
        assertThat(report.indexOf("## Container store")).isLessThan(report.indexOf("## Container migrate"));
        assertThat(report).doesNotContain("## Container app");
        assertThat(entries(run)).singleElement().asString().startsWith(md.toAbsolutePath() + " — 2 containers: store running, migrate exited 3");
        assertThat(stderr.split("Berth report: ComposeReportFixtures", -1)).hasSize(2);
        assertNothingLeftBehind(run);
    }

    @Test
    void aFailingPerTestStartIsReportedUnderTheTestsName() throws Exception {
        Kit.Run run = run(ComposeReportFixtures.PerTestStartFails.class);
        run.results().testEvents().assertStatistics(s -> s.failed(1));
        assertThat(Recorder.values("ran")).isEmpty();

        Path md = report(ComposeReportFixtures.PerTestStartFails.class, "test");
        String report = Files.readString(md);
        assertThat(report).contains("> test()\n", "## Container store\n", "```text\nstore up\n```",
                "## Container migrate\n", "- Status: exited\n- Exit code: 3\n");
        assertThat(entries(run)).singleElement().asString().startsWith(md.toAbsolutePath() + " — 2 containers: store running, migrate exited 3");
        assertNothingLeftBehind(run);
    }
}
