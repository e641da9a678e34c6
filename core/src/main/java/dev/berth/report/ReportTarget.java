package dev.berth.report;

import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container to report on.
 *
 * @param containerId the engine's container id
 * @param label how the test knows it (logical name, else engine name)
 * @param imageReference the image it was started from, or null to read it from the container
 * @param env its {@code NAME=value} environment as specified (masks secrets even if the engine is gone)
 * @param logs where its last log lines come from, or null for the collector's default
 */
public record ReportTarget(String containerId, String label, String imageReference, List<String> env,
                           LogTail logs) {
    /**
     * Checks and copies.
     * @param containerId the engine's container id
     * @param label how the test knows it (logical name, else engine name)
     * @param imageReference the image it was started from, or null to read it from the container
     * @param env its {@code NAME=value} environment as specified (masks secrets even if the engine is gone)
     * @param logs where its last log lines come from, or null for the collector's default
     */
    public ReportTarget {
        Objects.requireNonNull(containerId, "containerId");
        label = label == null ? containerId.substring(0, Math.min(12, containerId.length())) : label;
        env = env == null ? List.of() : List.copyOf(env);
    }

    /**
     * @param containerId a container id or name
     * @return a target known only by its id
     */
    public static ReportTarget of(String containerId) {
        return new ReportTarget(containerId, null, null, List.of(), null);
    }

    /**
     * @param c a container started by Berth
     * @return a target labelled with its logical name (else its engine name), image and env, whose log
     *     lines come from the container's {@link RunningContainer#logs()} (read on demand while it exists,
     *     kept after its removal)
     */
    public static ReportTarget of(RunningContainer c) {
        List<String> env = new ArrayList<>();
        c.spec().env().forEach((k, v) -> env.add(k + "=" + v));
        String label = c.spec().name().orElse(c.name());
        return new ReportTarget(c.id(), label, c.spec().image().toString(), env, (id, n) -> c.logs().last(n));
    }

    /**
     * @param tail where the logs come from
     * @return a copy using it
     */
    public ReportTarget withLogs(LogTail tail) {
        return new ReportTarget(containerId, label, imageReference, env, tail);
    }
}
