package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryRendererTest {
    @Test
    void summarisesEngineContainersStatesAndLogs() {
        assertThat(new SummaryRenderer().render(ReportSamples.sample(), "target/berth-reports/x/y.md")).isEqualTo("""
                Berth report: OrdersTest > savesOrder() -> target/berth-reports/x/y.md
                  engine: 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock, cgroup v1 cgroupfs, overlay2
                  cache: localhost:5000/berth-fixtures/redis:7@ee62574696d4, running, OOMKilled false, health healthy
                    | 1:M 27 Nov 2026 18:59:50.200 * Ready to accept connections tcp
                    | AUTH ****
                  hog: localhost:5000/berth-fixtures/busybox:1@f883c4352e7d, exited, exit code 137, OOMKilled true
                  not collected: image of hog (timed out after 500 ms)
                """);
    }

    @Test
    void keepsOnlyTheLastTwentyLogLinesPerContainer() {
        List<String> logs = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).toList();
        ContainerReport c = new ContainerReport("a", null, null, logs, null);
        FailureReport r = new FailureReport("T > t()", ReportSamples.NOW, Duration.ZERO, null, List.of(c), List.of(),
                List.of());
        String text = new SummaryRenderer().render(r, null);
        assertThat(text).startsWith("""
                Berth report: T > t()
                  engine: not collected
                  a: image unknown, state not collected
                    | line 6
                """);
        assertThat(text).endsWith("    | line 25\n").doesNotContain("| line 5\n");
    }
}
