package dev.berth.wait;

import dev.berth.RunningContainer;
import java.time.Duration;
import java.util.List;

/** Ready once every strategy is satisfied, checked in order, sharing one timeout. */
final class AllOfWait implements WaitStrategy {
    private final List<WaitStrategy> strategies;

    AllOfWait(List<WaitStrategy> strategies) {
        this.strategies = List.copyOf(strategies);
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        Polling.checkTimeout(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (WaitStrategy s : strategies) {
            long left = Math.max(0, deadline - System.nanoTime());
            s.waitUntilReady(container, Duration.ofNanos(left));
        }
    }

    @Override
    public String toString() {
        return "Wait.allOf" + strategies;
    }
}
