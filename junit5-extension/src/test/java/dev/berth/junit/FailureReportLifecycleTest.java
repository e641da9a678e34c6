package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.berth.ContainerStartException;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.ReportFailureFixtures;
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
 * Failures outside a test method ({@code @BeforeAll}, class-level and per-test container starts) get a
 * report file, a report entry and one stderr summary too; invocations of a parameterized or repeated
 * test get one report each.
 */
class FailureReportLifecycleTest {
    private static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
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

    private static List<String> entries(Kit.Run run) {
        return run.results().allEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("berth.report"))
                .toList();
    }

    @Test
    void aFailingBeforeAllMethodReportsTheClassContainersWhileTheyRun() throws Exception {
        Kit.Run run = run(ReportFailureFixtures.BeforeAllFails.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1,
                event(container("BeforeAllFails"), finishedWithFailure(instanceOf(IllegalStateException.class))));

        String cls = ReportWriter.safeName(ReportFailureFixtures.BeforeAllFails.class.getName());
        Path md = dir.resolve(cls + "/BeforeAll.md");
        assertThat(dir.resolve(cls + "/BeforeAll.json")).exists();
        String report = Files.readString(md);
        assertThat(report).contains("# Berth failure report: ReportFailureFixtures$BeforeAllFails > @BeforeAll\n",
                "## Container box\n", "- Status: running\n", "- Id: " + Recorder.values("box").get(0),
                "```text\nbox up\n```");
        assertThat(entries(run)).containsExactly(md.toAbsolutePath() + " — 1 container: box running");
        assertThat(stderr.split("Berth report: ", -1)).hasSize(2);
        assertThat(stderr).contains("Berth report: ReportFailureFixtures$BeforeAllFails > @BeforeAll -> " + md + "\n",
                "  box: " + BUSYBOX + "@", ", running, OOMKilled false\n    | box up\n");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aFailingClassLevelStartIsReportedAsTheLauncherSawItBeforeRemovingIt() throws Exception {
        Kit.Run run = run(ReportFailureFixtures.ClassStartFails.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(container("ClassStartFails"),
                finishedWithFailure(instanceOf(ContainerStartException.class))));

        Path md = dir.resolve(ReportWriter.safeName(ReportFailureFixtures.ClassStartFails.class.getName()) + "/BeforeAll.md");
        String report = Files.readString(md);
        assertThat(report).contains("> @BeforeAll\n", "## Container ok\n", "- Status: running\n",
                "## Container broken\n", "- Status: exited\n- Exit code: 3\n- OOMKilled: false\n",
                "`DB_PASSWORD=****`", "```text\nusing ****\n```");
        assertThat(report.indexOf("## Container ok")).isLessThan(report.indexOf("## Container broken"));
        assertThat(entries(run)).containsExactly(md.toAbsolutePath() + " — 2 containers: ok running, broken exited 3");
        assertThat(stderr.split("Berth report: ReportFailureFixtures", -1)).hasSize(2);
        assertThat(stderr).contains("  broken: " + BUSYBOX + "@", ", exited, exit code 3, OOMKilled false\n"
                + "    | using ****\n");
        assertThat(report + stderr).doesNotContain("hunter22");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aFailingPerTestStartIsReportedUnderTheTestsName() throws Exception {
        Kit.Run run = run(ReportFailureFixtures.PerTestStartFails.class);
        run.results().testEvents().assertStatistics(s -> s.failed(1));
        assertThat(Recorder.values("ran")).isEmpty();

        Path md = dir.resolve(ReportWriter.safeName(ReportFailureFixtures.PerTestStartFails.class.getName()) + "/test.md");
        String report = Files.readString(md);
        assertThat(report).contains("> test()\n", "## Container ok\n", "## Container broken\n",
                "- Status: exited\n- Exit code: 3\n", "```text\nusing ****\n```");
        assertThat(entries(run)).containsExactly(md.toAbsolutePath() + " — 2 containers: ok running, broken exited 3");
        assertThat(report + stderr).doesNotContain("hunter22");
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void invocationsOfRepeatedAndParameterizedTestsGetTheirOwnReports() throws Exception {
        Kit.Run run = run(ReportFailureFixtures.Invocations.class);
        run.results().testEvents().assertStatistics(s -> s.failed(4));

        Path cls = dir.resolve(ReportWriter.safeName(ReportFailureFixtures.Invocations.class.getName()));
        try (var files = Files.list(cls)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "repeated[1].json", "repeated[1].md", "repeated[2].json", "repeated[2].md",
                    "shows_String[1].json", "shows_String[1].md", "shows_String[2].json", "shows_String[2].md");
        }
        assertThat(Files.readString(cls.resolve("shows_String[2].md")))
                .startsWith("# Berth failure report: ReportFailureFixtures$Invocations > shows(String)[2]\n");
        assertThat(entries(run)).hasSize(4);
        assertThat(kit.leftovers()).isEmpty();
    }
}
