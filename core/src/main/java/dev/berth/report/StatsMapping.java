package dev.berth.report;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Turns one stats frame into a {@link StatsSection}, computing what {@code docker stats} shows. */
final class StatsMapping {
    private StatsMapping() {
    }

    /**
     * @param s one frame
     * @param startedAt the container's start time (RFC 3339), used for the average CPU when the frame
     *     carries no previous sample; may be null
     * @return the section
     */
    static StatsSection of(Statistics s, String startedAt) {
        Long memUsage = null;
        Long memLimit = null;
        MemoryStatsConfig mem = s.getMemoryStats();
        if (mem != null && mem.getUsage() != null) {
            memUsage = mem.getUsage() - inactiveFile(mem.getStats());
            memLimit = mem.getLimit();
        }
        Double cpu = null;
        String basis = null;
        CpuStatsConfig now = s.getCpuStats();
        CpuStatsConfig pre = s.getPreCpuStats();
        if (now != null && now.getCpuUsage() != null && now.getCpuUsage().getTotalUsage() != null) {
            long total = now.getCpuUsage().getTotalUsage();
            long preTotal = pre == null || pre.getCpuUsage() == null || pre.getCpuUsage().getTotalUsage() == null
                    ? 0 : pre.getCpuUsage().getTotalUsage();
            long sys = nz(now.getSystemCpuUsage());
            long preSys = pre == null ? 0 : nz(pre.getSystemCpuUsage());
            if (preTotal > 0 && preSys > 0 && sys > preSys) {
                long cpus = now.getOnlineCpus() != null && now.getOnlineCpus() > 0 ? now.getOnlineCpus()
                        : perCpu(now.getCpuUsage().getPercpuUsage());
                cpu = (double) (total - preTotal) / (sys - preSys) * cpus * 100.0;
                basis = "live";
            } else {
                Double average = averageSinceStart(total, s.getRead(), startedAt);
                if (average != null) {
                    cpu = average;
                    basis = "average since start";
                }
            }
        }
        Long pids = s.getPidsStats() == null ? null : s.getPidsStats().getCurrent();
        Long rx = null;
        Long tx = null;
        Map<String, StatisticNetworksConfig> nets = s.getNetworks();
        if (nets != null) {
            rx = 0L;
            tx = 0L;
            for (StatisticNetworksConfig n : nets.values()) {
                rx += nz(n.getRxBytes());
                tx += nz(n.getTxBytes());
            }
        }
        Long read = null;
        Long write = null;
        if (s.getBlkioStats() != null && s.getBlkioStats().getIoServiceBytesRecursive() != null) {
            read = 0L;
            write = 0L;
            for (BlkioStatEntry e : s.getBlkioStats().getIoServiceBytesRecursive()) {
                if ("read".equalsIgnoreCase(e.getOp())) {
                    read += nz(e.getValue());
                } else if ("write".equalsIgnoreCase(e.getOp())) {
                    write += nz(e.getValue());
                }
            }
        }
        return new StatsSection(memUsage, memLimit, cpu, basis, pids, rx, tx, read, write);
    }

    private static long inactiveFile(StatsConfig stats) {
        if (stats == null) {
            return 0;
        }
        if (stats.getTotalInactiveFile() != null) {
            return stats.getTotalInactiveFile(); // cgroup v1, as the docker CLI does
        }
        return nz(stats.getInactiveFile()); // cgroup v2
    }

    private static Double averageSinceStart(long totalNanos, String read, String startedAt) {
        if (read == null || startedAt == null) {
            return null;
        }
        try {
            Duration up = Duration.between(Instant.parse(startedAt), Instant.parse(read));
            if (up.toNanos() <= 0) {
                return null;
            }
            return totalNanos * 100.0 / up.toNanos();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long perCpu(List<Long> perCpu) {
        return perCpu == null || perCpu.isEmpty() ? 1 : perCpu.size();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
