package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Sample 8, part 2 — runs {@link FailureReportDemo} (which fails on purpose) through the JUnit Platform
 * test kit and checks the failure report it produced: where it is, and that it explains the failure —
 * engine version, both containers' states, the images' layer history, the last log lines — without
 * ever showing the PostgreSQL password.
 */
class FailureReportSample {
    private static final Path REPORTS = Path.of("target", "berth-reports-demo");
    private static final String REDIS = "localhost:5000/berth-fixtures/redis:7";
    private static final String POSTGRES = "localhost:5000/berth-fixtures/postgres:15";

    @Test
    void theFailingDemoLeavesAReportThatExplainsIt() throws Exception {
        EngineExecutionResults results = runDemo();
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));

        Path md = REPORTS.resolve("dev.berth.samples.FailureReportDemo/cachesSavedOrders.md");
        assertThat(md).exists();
        assertThat(md.resolveSibling("cachesSavedOrders.json")).exists();
        String report = Files.readString(md);
        List<String> entries = results.allEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("berth.report")).toList();
        assertThat(entries).containsExactly(md.toAbsolutePath() + " — 2 containers: cache running, db running");

        try (Engine engine = Berth.connect()) {
            assertThat(report).startsWith("# Berth failure report: FailureReportDemo > cachesSavedOrders()\n")
                    .contains("- Server version: " + engine.info().serverVersion() + " (API ")
                    .contains("## Container cache\n\n### State\n\n- Status: running\n- Exit code: 0\n- OOMKilled: false\n")
                    .contains("## Container db\n\n### State\n\n- Status: running\n- Exit code: 0\n- OOMKilled: false\n")
                    .contains("`POSTGRES_PASSWORD=****`", "Ready to accept connections",
                            "database system is ready to accept connections", "### Resource usage (one sample)");
            for (String image : List.of(REDIS, POSTGRES)) {
                assertThat(report).contains("- Reference: " + image + "\n");
                for (Layer layer : engine.history(ImageRef.parse(image))) {
                    assertThat(report).as("history row of %s", image).contains("| " + shortId(layer.id()) + " | ")
                            .contains(" | " + layer.comment() + " |");
                }
            }
        }
        assertThat(report).doesNotContain("demo-s3cret");
        assertThat(Files.readString(md.resolveSibling("cachesSavedOrders.json"))).doesNotContain("demo-s3cret");
    }

    private static EngineExecutionResults runDemo() {
        String before = System.getProperty("berth.reports.dir");
        System.setProperty("berth.reports.dir", REPORTS.toString());
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailureReportDemo.class)).execute();
        } finally {
            if (before == null) {
                System.clearProperty("berth.reports.dir");
            } else {
                System.setProperty("berth.reports.dir", before);
            }
        }
    }

    private static String shortId(String id) {
        return id.startsWith("sha256:") ? id.substring(7, 19) : id;
    }
}
