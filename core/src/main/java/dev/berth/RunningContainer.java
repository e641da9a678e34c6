package dev.berth;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A started container owned by a Berth session. Closing it stops and removes it (with its
 * anonymous volumes) according to its spec's {@link StopPolicy}; closing twice, or closing a
 * container someone else already removed, is harmless.
 *
 * <p>Its logs are kept in a buffer from the moment it starts (followed until it is ready, read on demand
 * afterwards, and once more when it is closed), so {@link #logs()} still answers after the container
 * stopped, failed or was removed. A live handle holds no thread unless its logs are followed.
 */
public interface RunningContainer extends AutoCloseable {
    /** @return the engine's container id */
    String id();

    /** @return the container's engine name */
    String name();

    /** @return the spec it was started from */
    ContainerSpec spec();

    /** @return the host to connect to for published ports: 127.0.0.1 for a local engine */
    String host();

    /**
     * @param containerPort an exposed container port
     * @return the host port it is published on
     * @throws InvalidSpecException if the port was not exposed
     */
    int mappedPort(int containerPort);

    /**
     * Runs a command in the running container as its default user, with a 60 s timeout.
     *
     * @param command the command and its arguments, e.g. {@code "sh", "-c", "echo hi"}
     * @return exit code, stdout and stderr
     * @throws BerthException if the container is not running, the command does not finish in time, or the runtime
     *     could not start it (its binary is missing or not executable: no exit code of the command exists then; a
     *     shell's own "not found", as in {@code sh -c nope}, is a normal result with exit code 127)
     */
    default ExecResult exec(String... command) {
        return exec(ExecSpec.of(command));
    }

    /**
     * Runs a command in the running container.
     *
     * @param exec the command, user, environment and timeout
     * @return exit code, stdout and stderr
     * @throws BerthException if the container is not running, the command does not finish in time, or the runtime
     *     could not start it (its binary is missing or not executable: no exit code of the command exists then; a
     *     shell's own "not found", as in {@code sh -c nope}, is a normal result with exit code 127)
     */
    ExecResult exec(ExecSpec exec);

    /** @return the logs captured since the container started (stdout and stderr, line by line) */
    ContainerLogs logs();

    /**
     * Copies a host file or directory into the container. A file lands at {@code containerPath};
     * a directory's content lands under {@code containerPath}. Modes are kept.
     *
     * @param hostPath an existing file or directory
     * @param containerPath absolute target path in the container
     * @throws InvalidSpecException if the host path does not exist or the target is not absolute
     */
    void copyIn(Path hostPath, String containerPath);

    /**
     * Copies bytes, a host file or a classpath resource into the container.
     *
     * @param file what to copy, where, with which mode
     */
    void copyIn(FileCopy file);

    /**
     * Copies a file or directory out of the container into a host directory (created if missing).
     * Never follows a symbolic link; refuses (copying nothing) any entry or link that would lead outside
     * {@code hostDir}; absolute links are kept as relative links inside it (see docs/containers.md).
     *
     * @param containerPath absolute path in the container
     * @param hostDir the host directory that receives it (its last path element keeps its name)
     * @throws BerthException if the path does not exist or an entry escapes {@code hostDir}
     */
    void copyOut(String containerPath, Path hostDir);

    /**
     * @return the container's current state, from the engine
     * @throws BerthException if the container was removed
     */
    ContainerState state();

    /**
     * Stops the container: SIGTERM, then SIGKILL once {@code timeout} has passed.
     *
     * @param timeout grace period; zero or positive
     */
    void stop(Duration timeout);

    /**
     * Sends a signal to the container's main process.
     *
     * @param signal e.g. {@code "SIGKILL"}, {@code "SIGHUP"}, {@code "9"}
     */
    void kill(String signal);

    /**
     * Restarts the container: if it runs, it is stopped per its {@link StopPolicy} (killed at once by
     * default, or SIGTERM and the grace period), then started again. Log capture continues.
     */
    void restart();

    /** Removes the container at once (force), with its anonymous volumes. Idempotent. */
    void remove();

    /** Stops (per the stop policy) and removes the container with its anonymous volumes. Idempotent. */
    @Override
    void close();
}
