package dev.berth;

import dev.berth.engine.EngineKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.List;

/**
 * Everything Berth reads about an engine in one {@code docker info} and {@code docker version} pair, for
 * diagnostics such as {@code berth doctor}: the {@link EngineInfo}, which cgroup limits the engine would accept
 * but not apply (the same reading {@link Engine#validate(ContainerSpec)} rejects such limits by), where it keeps
 * its data and its clock. Read with {@link Engine#details()}.
 *
 * @param info what the engine reports about itself
 * @param limitsNotApplied the cgroup limits the engine cannot apply, named as {@link Limits}' errors name them
 *     ({@code "memory"}, {@code "memory swap"}, {@code "cpus"}, {@code "cpu shares"}, {@code "cpuset cpus"}, …)
 * @param dataRoot the engine's data root, e.g. {@code /var/lib/docker}, if reported
 * @param engineTime the engine's clock when it answered, if reported
 */
public record EngineDetails(EngineInfo info, List<String> limitsNotApplied, Optional<String> dataRoot,
                            Optional<Instant> engineTime) {
    /**
     * Copies the list; nothing may be null.
     *
     * @param info what the engine reports about itself
     * @param limitsNotApplied the cgroup limits the engine cannot apply
     * @param dataRoot the engine's data root, if reported
     * @param engineTime the engine's clock when it answered, if reported
     */
    public EngineDetails {
        Objects.requireNonNull(info, "info");
        limitsNotApplied = List.copyOf(limitsNotApplied);
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(engineTime, "engineTime");
    }

    /** @return the cgroup limits the engine applies, in the order {@link Limits} sets them */
    public List<String> limitsApplied() {
        return EngineKind.CGROUP_LIMITS.stream().filter(l -> !limitsNotApplied.contains(l)).toList();
    }
}
