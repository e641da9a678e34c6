package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.ContainerState;
import dev.berth.RunningContainer;
import java.time.Duration;

/** Ready once Docker reports the container healthy. */
final class HealthcheckWait implements WaitStrategy {
    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        String what = "the Docker healthcheck to report healthy";
        Polling.until(container, timeout, what, () -> {
            ContainerState state = container.state();
            if (state.health().isEmpty()) {
                throw new BerthException("the container has no healthcheck, so Wait.forHealthcheck() cannot"
                        + " succeed; add one with ContainerSpec.withHealthcheck(Healthcheck.shell(…)) or use"
                        + " another wait strategy");
            }
            return state.health().filter("healthy"::equals).isPresent();
        });
    }

    @Override
    public String toString() {
        return "Wait.forHealthcheck()";
    }
}
