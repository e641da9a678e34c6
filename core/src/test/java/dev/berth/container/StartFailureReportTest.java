package dev.berth.container;

import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.ContainerSpec;
import dev.berth.report.StartFailureReports;
import dev.berth.ContainerStartException;
import dev.berth.EngineTestSupport;
import dev.berth.wait.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failed start's message masks the spec's secrets and ends with the failure report's compact summary. */
class StartFailureReportTest extends EngineTestSupport {
    @Test
    void theMessageMasksSecretsAndEndsWithTheReportSummary() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withName("db").withEnv("DB_PASSWORD", "hunter22")
                .withCommand("sh", "-c", "echo connecting with $DB_PASSWORD; echo DB_PASSWORD=$DB_PASSWORD;"
                        + " echo --db-password hunter22x; exit 1")
                .withStartupTimeout(Duration.ofSeconds(60)).waitingFor(Wait.forLogMessage("never"));
        ContainerStartException e = catchThrowableOfType(ContainerStartException.class, () -> engine.start(spec));

        String id12 = e.containerId().orElseThrow().substring(0, 12);
        String version = engine.docker().versionCmd().exec().getVersion();
        String storage = engine.docker().infoCmd().exec().getDriver(); // overlay2 on Docker, overlay on Podman
        String imageId = engine.docker().inspectImageCmd(BUSYBOX).exec().getId();
        String logs = "    | connecting with ****\n    | DB_PASSWORD=****\n    | --db-password ****";
        String head = "Container db from image " + BUSYBOX + " (" + id12 + ") failed to start: the container exited"
                + " (status exited, exit code 1) while waiting for log message /never/ (seen 0 of 1)\n"
                + "  exit code: 1\n  OOMKilled: false\n  last 3 log lines:\n" + logs + "\n";
        String tail = "Berth report: failed start of db\n"
                + "  engine: " + version + " (API 1.41) at " + engine.endpoint().dockerHost() + ", cgroup v1 cgroupfs, " + storage + "\n"
                + "  db: " + BUSYBOX + "@" + imageId.substring(7, 19) + ", exited, exit code 1, OOMKilled false\n"
                + logs;
        assertThat(e.getMessage()).isEqualTo(head + tail);
        assertThat(e.lastLogLines()).containsExactly("connecting with ****", "DB_PASSWORD=****", "--db-password ****");
        assertThat(StartFailureReports.collected(e).containers()).hasSize(1);
        assertThat(StartFailureReports.collected(e).containers().get(0).container().env()).contains("DB_PASSWORD=****");
        assertThat(StartFailureReports.collected(e).notCollected()).isEmpty();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("****").doesNotContain("hunter22");
    }

    @Test
    void aSecretInTheFailureReasonIsMaskedInTheMessageAndTheCause() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withEnv("API_TOKEN", "s3cr3t-token")
                .withCommand("sh", "-c", "echo up; exit 2")
                .withStartupTimeout(Duration.ofSeconds(60)).waitingFor(Wait.forLogMessage("s3cr3t-token"));
        ContainerStartException e = catchThrowableOfType(ContainerStartException.class, () -> engine.start(spec));

        assertThat(e.getMessage()).contains("failed to start: the container exited (status exited, exit code 2)"
                + " while waiting for log message /****/ (seen 0 of 1)\n");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("Caused by: ").doesNotContain("s3cr3t-token");
    }
}
