package dev.berth;

import java.time.Instant;
import java.util.Optional;

/**
 * What the engine says it can do, beyond {@link EngineInfo}: which cgroup limits work, where it keeps its
 * data, and its clock — for diagnostics such as {@code berth doctor}. Read with {@link Engine#details()}.
 *
 * @param memoryLimit memory limits work
 * @param swapLimit swap limits work
 * @param cpuCfsQuota CPU quotas ({@code --cpus}) work
 * @param cpuShares CPU shares work
 * @param cpuSet CPU pinning works
 * @param dataRoot the engine's data root, e.g. {@code /var/lib/docker}, if reported
 * @param engineTime the engine's clock when it answered, if reported
 */
public record EngineDetails(boolean memoryLimit, boolean swapLimit, boolean cpuCfsQuota, boolean cpuShares,
                            boolean cpuSet, Optional<String> dataRoot, Optional<Instant> engineTime) {
    static EngineDetails of(com.github.dockerjava.api.model.Info info) {
        Optional<Instant> time;
        try {
            time = Optional.ofNullable(info.getSystemTime()).map(t -> java.time.OffsetDateTime.parse(t).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            time = Optional.empty();
        }
        return new EngineDetails(Boolean.TRUE.equals(info.getMemoryLimit()), Boolean.TRUE.equals(info.getSwapLimit()),
                Boolean.TRUE.equals(info.getCpuCfsQuota()), Boolean.TRUE.equals(info.getCpuShares()),
                Boolean.TRUE.equals(info.getCpuSet()), Optional.ofNullable(info.getDockerRootDir()).filter(s -> !s.isBlank()),
                time);
    }
}
