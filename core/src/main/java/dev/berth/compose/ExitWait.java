package dev.berth.compose;

import dev.berth.BerthException;
import dev.berth.ContainerState;
import dev.berth.RunningContainer;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;

/** Ready once the container exited with code 0 ({@code service_completed_successfully}). */
final class ExitWait implements WaitStrategy {
    private static final long POLL_MILLIS = 50;

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ContainerState state = container.state();
            if (!state.running()) {
                Long code = state.exitCode().isPresent() ? state.exitCode().getAsLong() : null;
                if (code != null && code == 0) {
                    return;
                }
                throw new BerthException("Service " + container.spec().name() + " exited with code " + code
                        + "; a dependent declares condition: service_completed_successfully, which needs exit code 0");
            }
            if (System.nanoTime() > deadline) {
                throw new BerthException("Service " + container.spec().name() + " still runs after " + timeout
                        + "; a dependent waits for it to complete (condition: service_completed_successfully)");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("Interrupted while waiting for " + container.spec().name() + " to exit", e);
            }
        }
    }

    @Override
    public String toString() {
        return "exit code 0 (service_completed_successfully)";
    }
}
