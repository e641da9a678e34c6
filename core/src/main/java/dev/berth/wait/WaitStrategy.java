package dev.berth.wait;

import dev.berth.RunningContainer;
import java.time.Duration;

/**
 * Decides when a started container is ready. Stateless: the container is a parameter, so one
 * strategy value serves any number of containers. Obtain strategies from {@link Wait}.
 */
@FunctionalInterface
public interface WaitStrategy {
    /**
     * Blocks until the container is ready.
     *
     * @param container the started container
     * @param timeout the most time to wait
     * @throws dev.berth.BerthException if not ready in time or the container exited
     */
    void waitUntilReady(RunningContainer container, Duration timeout);
}
