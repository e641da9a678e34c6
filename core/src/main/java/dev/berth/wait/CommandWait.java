package dev.berth.wait;

import dev.berth.ExecSpec;
import dev.berth.RunningContainer;
import java.time.Duration;

/** Ready once a command run in the container exits 0. */
final class CommandWait implements WaitStrategy {
    private final ExecSpec command;

    CommandWait(ExecSpec command) {
        this.command = command;
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        Polling.until(container, timeout, "command " + command.command() + " to exit 0",
                () -> container.exec(command).exitCode() == 0);
    }

    @Override
    public String toString() {
        return "Wait.forCommand" + command.command();
    }
}
