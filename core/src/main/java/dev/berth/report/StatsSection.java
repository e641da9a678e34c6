package dev.berth.report;

/**
 * One sample of a running container's resource usage ({@code docker stats --no-stream}). Unknown
 * values are null.
 *
 * @param memoryUsageBytes memory in use
 * @param memoryLimitBytes the memory limit the container sees
 * @param cpuPercent CPU use in percent of one CPU
 * @param cpuBasis {@code "live"} (between two samples) or {@code "average since start"}
 * @param pids number of processes
 * @param networkRxBytes bytes received over all networks
 * @param networkTxBytes bytes sent over all networks
 * @param blockReadBytes bytes read from block devices
 * @param blockWriteBytes bytes written to block devices
 */
public record StatsSection(Long memoryUsageBytes, Long memoryLimitBytes, Double cpuPercent, String cpuBasis, Long pids,
                           Long networkRxBytes, Long networkTxBytes, Long blockReadBytes, Long blockWriteBytes) {
}
