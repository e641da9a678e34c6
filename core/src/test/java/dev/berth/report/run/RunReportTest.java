package dev.berth.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import dev.berth.Phase;
import dev.berth.PhaseEvent;
import dev.berth.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report's data and page, without an engine. */
class RunReportTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void drawsEachPhaseOfEachContainerUnderItsClassAndLinksTheFailure(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport();
        report.classStarted("com.acme.OrdersTest");
        Phase[] phases = Phase.values();
        for (int i = 0; i < phases.length; i++) {
            report.phaseEnded(new PhaseEvent(i < 2 ? "" : "c1", "berth-db-1", "postgres:15", phases[i],
                    T0.plusMillis(100L * i), T0.plusMillis(100L * i + 50), false));
        }
        report.testFinished("com.acme.OrdersTest", "savesOrder()", T0.plusMillis(400), T0.plusMillis(450), true);
        report.classFinished("com.acme.OrdersTest");
        Files.createDirectories(dir.resolve("com.acme.OrdersTest"));
        Files.writeString(dir.resolve("com.acme.OrdersTest/savesOrder.md"), "# report");

        Path page = report.write(dir, Optional.empty(), Duration.ofSeconds(10)).orElseThrow();

        String html = Files.readString(page);
        for (Phase p : phases) {
            String name = p.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(html).containsOnlyOnce("data-container=\"berth-db-1\" data-phase=\"" + name + "\"");
        }
        assertThat(html).contains("<section class=\"class\" data-class=\"com.acme.OrdersTest\">")
                .contains("<a class=\"report-link\" href=\"com.acme.OrdersTest/savesOrder.md\">")
                .doesNotContain("savesOrder.json")
                .contains("<th>Time in container phases</th><td>300 ms</td>", "<th>Time in tests</th><td>50 ms</td>")
                .doesNotContain("http://", "https://");
        assertThat(dir.resolve(RunReport.DATA_FILE)).content().contains("\"phase\" : \"wait\"");
    }

    @Test
    void renderRebuildsThePageFromTheDataFile(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport();
        report.testFinished("A", "t()", T0, T0.plusMillis(5), false);
        report.write(dir, Optional.empty(), Duration.ofSeconds(10)).orElseThrow();
        Files.delete(dir.resolve(RunReport.PAGE_FILE));

        Path page = RunReport.render(dir);

        assertThat(page).content().contains("data-test=\"t()\"");
    }

    @Test
    void renderWithoutDataNamesTheFile(@TempDir Path dir) {
        assertThatThrownBy(() -> RunReport.render(dir)).isInstanceOf(BerthException.class)
                .hasMessage("No run report data at " + dir.resolve("berth-run.json").toAbsolutePath()
                        + ". Run a suite with the Berth extension first; it writes berth-run.json into target/berth-reports.");
    }
}
