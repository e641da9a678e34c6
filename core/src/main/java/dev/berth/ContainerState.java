package dev.berth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's state as the engine reports it.
 *
 * @param running whether its main process runs
 * @param status the engine's status word: {@code created}, {@code running}, {@code exited}, …
 * @param exitCode the exit code of the last run, empty if it never exited
 * @param oomKilled whether the kernel OOM-killed it
 * @param health the healthcheck status ({@code starting}, {@code healthy}, {@code unhealthy}), empty
 *               when the container has no healthcheck
 * @param startedAt when it last started, empty if never
 * @param finishedAt when it last exited, empty if never
 */
public record ContainerState(boolean running, String status, OptionalLong exitCode, boolean oomKilled,
                             Optional<String> health, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    /**
     * Nothing may be null: absence is an empty optional.
     *
     * @param running whether its main process runs
     * @param status the engine's status word
     * @param exitCode the exit code of the last run, empty if it never exited
     * @param oomKilled whether the kernel OOM-killed it
     * @param health the healthcheck status, empty without a healthcheck
     * @param startedAt when it last started, empty if never
     * @param finishedAt when it last exited, empty if never
     */
    public ContainerState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * The state as messages show it, one rendering for every caller (the exit code prints as a number,
     * never as {@code OptionalLong[137]}).
     *
     * @return e.g. {@code "status exited, exit code 137, OOM-killed"}, or {@code "status created, exit code none"}
     */
    public String summary() {
        return "status " + status + ", exit code "
                + (exitCode.isPresent() ? Long.toString(exitCode.getAsLong()) : "none")
                + (oomKilled ? ", OOM-killed" : "");
    }
}
