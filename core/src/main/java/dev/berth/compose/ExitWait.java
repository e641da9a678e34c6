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
                if (state.exitCode().equals(java.util.OptionalLong.of(0))) {
                    return;
                }
                throw new BerthException("Service " + service(container) + " exited (" + state.summary()
                        + "); a dependent declares condition: service_completed_successfully, which needs exit code 0");
            }
            if (System.nanoTime() > deadline) {
                throw new BerthException("Service " + service(container) + " still runs after " + timeout
                        + "; a dependent waits for it to complete (condition: service_completed_successfully)");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("Interrupted while waiting for " + service(container) + " to exit", e);
            }
        }
    }

    @Override
    public String toString() {
        return "exit code 0 (service_completed_successfully)";
    }

    private static String service(RunningContainer container) {
        return container.spec().name().orElse(container.name());
    }
}
