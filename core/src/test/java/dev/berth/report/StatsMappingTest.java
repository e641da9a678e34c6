package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.DockerClientConfig;
import org.junit.jupiter.api.Test;

class StatsMappingTest {
    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

    @Test
    void computesLiveCpuMemoryWithoutCacheNetworkAndBlockIo() throws Exception {
        Statistics s = MAPPER.readValue("""
                {"read":"2026-11-27T19:00:02Z","pids_stats":{"current":5},
                 "networks":{"eth0":{"rx_bytes":1000,"tx_bytes":200},"eth1":{"rx_bytes":500,"tx_bytes":0}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"Read","value":4096},
                   {"major":8,"minor":0,"op":"Write","value":8192},{"major":8,"minor":0,"op":"Total","value":12288}]},
                 "memory_stats":{"usage":10485760,"limit":16777216,"stats":{"total_inactive_file":2097152}},
                 "cpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":20000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":10000000000}}
                """, Statistics.class);
        assertThat(StatsMapping.of(s, "2026-11-27T19:00:00Z"))
                .isEqualTo(new StatsSection(8_388_608L, 16_777_216L, 20.0, "live", 5L, 1500L, 200L, 4096L, 8192L));
    }

    @Test
    void fallsBackToTheAverageSinceStartWithoutAPreviousSample() throws Exception {
        Statistics s = MAPPER.readValue("""
                {"read":"2026-11-27T19:00:04Z","preread":"0001-01-01T00:00:00Z",
                 "cpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":20000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":0}}}
                """, Statistics.class);
        StatsSection stats = StatsMapping.of(s, "2026-11-27T19:00:00Z");
        assertThat(stats.cpuPercent()).isEqualTo(25.0);
        assertThat(stats.cpuBasis()).isEqualTo("average since start");
        assertThat(stats.memoryUsageBytes()).isNull();
    }
}
