package dev.berth;

import java.time.Instant;

/**
 * A container's state as the engine reports it.
 *
 * @param running whether its main process runs
 * @param status the engine's status word: {@code created}, {@code running}, {@code exited}, …
 * @param exitCode the exit code of the last run, or null if it never exited
 * @param oomKilled whether the kernel OOM-killed it
 * @param health the healthcheck status ({@code starting}, {@code healthy}, {@code unhealthy}), or null
 *               when the container has no healthcheck
 * @param startedAt when it last started, or null if never
 * @param finishedAt when it last exited, or null if never
 */
public record ContainerState(boolean running, String status, Long exitCode, boolean oomKilled, String health,
                             Instant startedAt, Instant finishedAt) {
}
