package dev.berth.cleanup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Tells whether the JVM that created a session on this host is still running. */
@FunctionalInterface
interface ProcessProbe {
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

    /**
     * @return the probe for processes of this machine (and PID namespace), via {@link ProcessHandle}.
     *     Where {@code /proc} hides other users' processes ({@code hidepid}), a pid it cannot see
     *     counts as alive: the sweeper never guesses.
     */
    static ProcessProbe local() {
        boolean seesAll = !Files.isDirectory(Path.of("/proc")) || Files.exists(Path.of("/proc/1"));
        return (pid, created) -> {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return seesAll ? Liveness.GONE : Liveness.ALIVE;
            }
            Optional<Instant> start = handle.get().info().startInstant();
            if (start.isPresent() && start.get().isAfter(created.plus(START_SLACK))) {
                return Liveness.REUSED;
            }
            return Liveness.ALIVE;
        };
    }
}
