package dev.berth.wait;

import dev.berth.BerthException;
import dev.berth.ContainerLogs;
import dev.berth.ContainerState;
import dev.berth.RunningContainer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Ready once the captured log stream has shown {@code times} lines matching a regex. Event-driven:
 * it listens to the lines Berth already captures, it never polls the logs endpoint. When the
 * stream ends (the container stopped) it fails at once.
 */
final class LogMessageWait implements WaitStrategy {
    private final Pattern pattern;
    private final int times;

    LogMessageWait(Pattern pattern, int times) {
        this.pattern = pattern;
        this.times = times;
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        Polling.checkTimeout(timeout);
        String what = "log message /" + pattern.pattern() + "/" + (times > 1 ? " " + times + " times" : "");
        CountDownLatch matches = new CountDownLatch(times);
        CountDownLatch decided = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        try (ContainerLogs.Subscription ignored = container.logs().subscribe(new ContainerLogs.Listener() {
            @Override
            public void onLine(String line) {
                if (pattern.matcher(line).matches()) {
                    matches.countDown();
                    if (matches.getCount() == 0) {
                        decided.countDown();
                    }
                }
            }

            @Override
            public void onEnd() {
                ended.set(true);
                decided.countDown();
            }
        })) {
            if (!decided.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw Polling.timedOut(what, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while waiting for " + what, e);
        }
        if (matches.getCount() > 0 && ended.get()) {
            String seen = what + " (seen " + (times - matches.getCount()) + " of " + times + ")";
            ContainerState state = container.state();
            if (state.running()) {
                throw new BerthException("the log stream ended while the container still runs, waiting for " + seen
                        + "; its log driver may not support reading logs: use another wait strategy");
            }
            throw Polling.exited(state, seen);
        }
    }

    @Override
    public String toString() {
        return "Wait.forLogMessage(" + pattern.pattern() + ", " + times + ")";
    }
}
