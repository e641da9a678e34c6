package dev.berth.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Tells whether the JVM that created a session on this host is still running. */
@FunctionalInterface
public interface ProcessProbe {
    /** What became of a recorded pid. */
    enum Liveness {
        /** The process runs and may be the creator: never sweep. */
        ALIVE,
        /** No process has the pid any more. */
        GONE,
        /** The pid belongs to a process started after the resource was created: the creator is gone. */
        REUSED
    }

    /**
     * Slack between a process's start and the resources it creates: {@code dev.berth.created} is
     * truncated to seconds and the kernel's start time can be off by about a second.
     */
    Duration START_SLACK = Duration.ofSeconds(5);

    /**
     * @param pid the recorded {@code dev.berth.pid}
     * @param created the recorded {@code dev.berth.created}
     * @return what became of it
     */
    Liveness check(long pid, Instant created);

    /** @return the probe for processes of this machine (and PID namespace), via {@link ProcessHandle} */
    static ProcessProbe local() {
        return (pid, created) -> {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return Liveness.GONE;
            }
            Optional<Instant> start = handle.get().info().startInstant();
            if (start.isPresent() && start.get().isAfter(created.plus(START_SLACK))) {
                return Liveness.REUSED;
            }
            return Liveness.ALIVE;
        };
    }
}
