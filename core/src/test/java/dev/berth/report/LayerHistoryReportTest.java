package dev.berth.report;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.session.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An image with several layers: the report's history rows are exactly the rows of {@code docker history}. */
class LayerHistoryReportTest {
    @Test
    void historyRowsMatchTheDockerCliRowByRow() throws Exception {
        try (Engine engine = Berth.connect()) {
            String builder = engine.docker().createContainerCmd(ReportFixtures.BUSYBOX)
                    .withCmd("sh", "-c", "echo layer > /layer.txt").withLabels(Internals.ledger(engine).labels()).exec().getId();
            Internals.ledger(engine).record(Session.Kind.CONTAINER, builder, "layer-builder");
            engine.docker().startContainerCmd(builder).exec();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    !Boolean.TRUE.equals(engine.docker().inspectContainerCmd(builder).exec().getState().getRunning()));
            String repo = "berth-report-history-" + Internals.ledger(engine).id().substring(0, 8);
            String image = engine.docker().commitCmd(builder).withRepository(repo).withTag("1")
                    .withMessage("added /layer.txt").withLabels(Internals.ledger(engine).labels()).exec();
            Internals.ledger(engine).record(Session.Kind.IMAGE, image, repo + ":1");
            String run = engine.docker().createContainerCmd(repo + ":1").withCmd("true")
                    .withLabels(Internals.ledger(engine).labels()).exec().getId();
            Internals.ledger(engine).record(Session.Kind.CONTAINER, run, "layered");

            FailureReport report = new ReportCollector(engine.docker(), "local", ReportSettings.defaults())
                    .collect("history", List.of(new ReportTarget(run, "layered", repo + ":1", List.of(), null)));
            String md = new MarkdownRenderer().render(report);
            List<String> cli = ReportFixtures.dockerHistory(repo + ":1");
            List<ImageSection.HistoryRow> rows = report.containers().get(0).image().history();

            assertThat(cli).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows).hasSameSizeAs(cli);
            for (int i = 0; i < cli.size(); i++) {
                String[] f = cli.get(i).split(ReportFixtures.FIELD, -1);
                ImageSection.HistoryRow row = rows.get(i);
                assertThat(row.id()).isEqualTo(f[0]);
                assertThat(row.createdBy()).isEqualTo(f[1]);
                assertThat(Sizes.human(row.sizeBytes())).isEqualTo(f[2]);
                assertThat(row.comment()).isEqualTo(f[3]);
                assertThat(md).contains("| " + MarkdownRenderer.shortId(f[0]) + " | ",
                        " | " + f[1].replace("|", "\\|") + " | " + f[2] + " | " + f[3] + " |\n");
            }
            assertThat(rows.get(0).createdBy()).isEqualTo("sh -c echo layer > /layer.txt");
        }
    }
}
