package dev.berth.container;

import dev.berth.Internals;
import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.ContainerStartException;
import dev.berth.Limits;
import dev.berth.wait.Wait;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StartFailureTest extends EngineTestSupport {
    @Test
    void failedStartKeepsTheLast50LogLinesExitCodeAndRemovesTheContainer() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "i=1; while [ $i -le 120 ]; do echo line $i; i=$((i+1)); done;"
                        + " echo fatal; exit 42")
                .waitingFor(Wait.forLogMessage("never"));
        ContainerStartException e = (ContainerStartException) org.assertj.core.api.Assertions
                .catchThrowable(() -> engine.start(spec));
        assertThat(e.image()).isEqualTo(BUSYBOX);
        assertThat(e.containerId().orElseThrow()).hasSize(64);
        assertThat(e.exitCode()).hasValue(42);
        assertThat(e.oomKilled()).isFalse();
        assertThat(e.lastLogLines()).hasSize(50).endsWith("line 119", "line 120", "fatal");
        assertThat(e.lastLogLines()).containsExactlyElementsOf(
                IntStream.rangeClosed(72, 120).mapToObj(i -> "line " + i)
                        .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                                l -> { l.add("fatal"); return l; })));
        assertThat(e.getMessage()).contains("\n  exit code: 42\n  OOMKilled: false\n  last 50 log lines:\n"
                + "    | line 72\n");
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(e.containerId().orElseThrow()).exec())
                .isInstanceOf(NotFoundException.class);
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.id().equals(e.containerId()));
    }

    @Test
    void aCommandThatCannotRunFailsTheStartAndIsRemoved() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withCommand("/no/such/binary");
        ContainerStartException e = (ContainerStartException) org.assertj.core.api.Assertions
                .catchThrowable(() -> engine.start(spec));
        assertThat(e.getMessage()).startsWith("Container from image " + BUSYBOX + " (")
                .contains("failed to start: ").contains("/no/such/binary");
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(e.containerId().orElseThrow()).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void startupTimeoutBoundsTheWaitAndTheContainerIsRemoved() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withName("slow").withCommand("sh", "-c", "echo alive; sleep 600")
                // the startup timeout bounds the engine calls of the start too: leave a loaded engine time to start it
                .withStartupTimeout(Duration.ofSeconds(10)).waitingFor(Wait.forLogMessage("never"));
        ContainerStartException e = (ContainerStartException) org.assertj.core.api.Assertions
                .catchThrowable(() -> engine.start(spec));
        assertThat(e.exitCode()).isEmpty();
        assertThat(e.lastLogLines()).containsExactly("alive");
        assertThat(e.name()).contains("slow");
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("Container slow from image "
                + java.util.regex.Pattern.quote(BUSYBOX) + " \\(" + e.containerId().orElseThrow().substring(0, 12) + "\\) failed to"
                + " start: startup timeout of 10000 ms ran out \\(create and start took (\\d+) ms, leaving (\\d+) ms"
                + " for the wait\\): timed out after \\2 ms waiting for log message /never/; raise the startup timeout"
                + " with withStartupTimeout\\(…\\) or check the wait strategy").matcher(e.getMessage().lines()
                .findFirst().orElseThrow());
        assertThat(first.matches()).as(e.getMessage()).isTrue();
        assertThat(Long.parseLong(first.group(1)) + Long.parseLong(first.group(2))).isEqualTo(10000L);
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(e.containerId().orElseThrow()).exec())
                .isInstanceOf(NotFoundException.class);
    }
}
