package dev.berth.wait;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.berth.BerthException;
import dev.berth.ContainerLogs;
import dev.berth.ContainerState;
import dev.berth.RunningContainer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The log wait when the stream ends but the container runs on (a log driver without read support). */
class LogMessageWaitTest {
    @Test
    void streamEndingWhileTheContainerRunsIsNamed() {
        ContainerLogs logs = mock(ContainerLogs.class);
        when(logs.subscribe(any())).thenAnswer(inv -> {
            ContainerLogs.Listener l = inv.getArgument(0);
            l.onLine("booting");
            l.onEnd();
            return (ContainerLogs.Subscription) () -> { };
        });
        RunningContainer c = mock(RunningContainer.class);
        when(c.logs()).thenReturn(logs);
        when(c.state()).thenReturn(new ContainerState(true, "running", java.util.OptionalLong.empty(), false, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        assertThatThrownBy(() -> Wait.forLogMessage("ready").waitUntilReady(c, Duration.ofSeconds(30)))
                .isInstanceOf(BerthException.class)
                .hasMessage("the log stream ended while the container still runs, waiting for log message /ready/"
                        + " (seen 0 of 1); its log driver may not support reading logs: use another wait strategy");
    }
}
