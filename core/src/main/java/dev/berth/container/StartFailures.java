package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.ContainerStartException;
import dev.berth.ContainerState;
import java.time.Duration;
import java.util.List;

/** Turns a failed start into a {@link ContainerStartException}, removing the failed container. */
final class StartFailures {
    /** How many log lines a start failure shows. */
    static final int LOG_LINES = 50;

    private StartFailures() {
    }

    /**
     * Reads the failed container's state, removes it (which ends its log stream), and builds the
     * exception from its state and last captured log lines.
     */
    static ContainerStartException fail(DockerRunningContainer container, RuntimeException cause) {
        ContainerState state = null;
        try {
            state = container.state();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        if (state != null && !state.running()) {
            container.logCapture().awaitEnd(Duration.ofSeconds(2));
        }
        try {
            container.remove();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        List<String> last = container.logs().last(LOG_LINES);
        Long exit = state == null || state.running() ? null : state.exitCode();
        boolean oom = state != null && state.oomKilled();
        return new ContainerStartException(reason(cause), container.spec().image().toString(), container.id(),
                exit, oom, last, cause);
    }

    static String reason(RuntimeException cause) {
        if (cause instanceof BerthException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
