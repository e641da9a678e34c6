package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.ReportFixture;
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

/** A failing test gets a report file, a report entry and one stderr summary; a passing one gets none. */
class FailureReportTest {
    private final Kit kit = new Kit();

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        kit.close();
        System.clearProperty("berth.reports.dir");
    }

    @Test
    void aFailingTestWritesAReportPublishesAnEntryAndPrintsTheSummaryOnce() throws Exception {
        System.setProperty("berth.reports.dir", dir.toString());
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Kit.Run run;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run = kit.run(Map.of(), ReportFixture.class);
        } finally {
            System.setErr(stderr);
        }
        run.results().testEvents().assertStatistics(s -> s.succeeded(1).failed(1));

        Path md = dir.resolve("dev.berth.junit.fixtures.ReportFixture/fails.md");
        assertThat(md).exists();
        assertThat(dir.resolve("dev.berth.junit.fixtures.ReportFixture/fails.json")).exists();
        assertThat(dir.resolve("dev.berth.junit.fixtures.ReportFixture/passes.md")).doesNotExist();
        String report = Files.readString(md);
        assertThat(report).contains("# Berth failure report: ReportFixture > fails()", "## Container app",
                "- Status: running", "`API_TOKEN=****`", "starting app\ntoken is ****\n",
                "- Id: " + Recorder.values("app").get(0));
        assertThat(report).doesNotContain("t0ps3cr3t");
        assertThat(report).contains("\n## Failure\n\n`org.opentest4j.AssertionFailedError`: [the test's own failure,"
                + " token ****] \n\n```\norg.opentest4j.AssertionFailedError: [the test's own failure, token ****] \n",
                "\tat dev.berth.junit.fixtures.ReportFixture.fails(ReportFixture.java:26)\n");
        String json = Files.readString(dir.resolve("dev.berth.junit.fixtures.ReportFixture/fails.json"));
        assertThat(json).contains("\"failure\": {\n    \"type\": \"org.opentest4j.AssertionFailedError\",\n"
                + "    \"message\": \"[the test's own failure, token ****] \\nexpected: 2\\n but was: 1\",\n"
                + "    \"frames\": [\n", "\"dev.berth.junit.fixtures.ReportFixture.fails(ReportFixture.java:26)\"")
                .doesNotContain("t0ps3cr3t");

        List<ReportEntry> entries = run.results().allEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getKeyValuePairs()).containsOnlyKeys("berth.report");
        assertThat(entries.get(0).getKeyValuePairs().get("berth.report"))
                .isEqualTo(md.toAbsolutePath() + " — 1 container: app running");

        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(err.split("Berth report: ", -1)).hasSize(2);
        assertThat(err).contains("Berth report: ReportFixture > fails() -> " + md + "\n",
                "  app: localhost:5000/berth-fixtures/busybox:1@", ", running, OOMKilled false\n",
                "    | starting app\n    | token is ****\n").doesNotContain("t0ps3cr3t");
        assertThat(kit.leftovers()).isEmpty();
    }
}
