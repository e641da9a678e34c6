package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log lines of a container that is already removed still reach the report, from its capture. */
class RemovedContainerReportTest {
    @Test
    void capturedLogsOutliveTheContainer() {
        try (Engine engine = Berth.connect()) {
            RunningContainer c = engine.start(ContainerSpec.of(ReportFixtures.BUSYBOX).withName("short")
                    .withCommand("sh", "-c", "echo one; echo API_TOKEN=t0ps3cret; sleep 60"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> c.logs().lines().size() >= 2);
            ReportTarget target = ReportTarget.of(c);
            c.close();

            FailureReport r = new ReportCollector(engine.docker(), "local", ReportSettings.defaults())
                    .collect("removed", List.of(target));

            assertThat(r.containers().get(0).logs()).containsExactly("one", "API_TOKEN=****");
            assertThat(r.containers().get(0).container()).isNull();
            assertThat(r.notCollected()).containsExactly("state of short (not found: No such container: " + c.id() + ")");
        }
    }
}
