package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five containers in scope: everything is collected within the budget (the time is printed, not asserted). */
class FiveContainersReportTest {
    @TempDir
    Path dir;

    @Test
    void collectsAllFiveContainers() {
        try (Engine engine = Berth.connect()) {
            FailureReporter reporter = new FailureReporter(engine, ReportSettings.defaults().withDirectory(dir));
            List<ReportTarget> targets = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                RunningContainer c = engine.start(ContainerSpec.of(ReportFixtures.BUSYBOX).withName("worker" + i)
                        .withCommand("sh", "-c", "echo worker " + "$HOSTNAME; sleep 60"));
                targets.add(ReportTarget.of(c));
            }
            ReportCollector.warmUp();
            FailureReporter.Result r = reporter.report("a.FiveTest", "five()", targets);
            System.out.println("Report of 5 containers collected in " + r.report().collectionTime().toMillis()
                    + " ms; not collected: " + r.report().notCollected());
            assertThat(r.report().containers()).hasSize(5).allSatisfy(c -> {
                assertThat(c.container().state().status()).isEqualTo("running");
                assertThat(c.image().history()).isNotEmpty();
            });
            assertThat(r.report().oneLine()).startsWith("5 containers: worker1 running, worker2 running, ");
        }
    }
}
