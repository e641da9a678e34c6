package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void buildsFluently() {
        Limits l = Limits.memory("256m").cpus(0.5).pids(100);
        assertThat(l.memoryBytes()).hasValue(268_435_456L);
        assertThat(l.nanoCpus()).hasValue(500_000_000L);
        assertThat(l.pidsLimit()).hasValue(100L);
        assertThat(l.memorySwapBytes()).isEmpty();
        assertThat(Limits.none().memoryBytes()).isEmpty();
        assertThat(l).isEqualTo(Limits.memory("256m").cpus(0.5).pids(100)).isNotEqualTo(Limits.none());
    }

    @Test
    void copiesLeaveTheOriginalUnchanged() {
        Limits base = Limits.memory("64m");
        Limits more = base.withMemory("1.5g").memorySwap("2g").memoryReservation("1g").cpuShares(512)
                .cpuset("0-1").cpusetMems("0").blkioWeight(500).ulimit("nofile", 1024, 2048).shmSize("128m")
                .oomKillDisabled();
        assertThat(base.memoryBytes()).hasValue(67_108_864L);
        assertThat(base.oomKillDisable()).isFalse();
        assertThat(more.memoryBytes()).hasValue(1_610_612_736L);
        assertThat(more.memorySwapBytes()).hasValue(2_147_483_648L);
        assertThat(more.memoryReservationBytes()).hasValue(1_073_741_824L);
        assertThat(more.cpuShares()).hasValue(512);
        assertThat(more.cpusetCpus()).hasValue("0-1");
        assertThat(more.cpusetMems()).hasValue("0");
        assertThat(more.blkioWeight()).hasValue(500);
        assertThat(more.ulimits()).isEqualTo(Map.of("nofile", new Limits.Ulimit("nofile", 1024, 2048)));
        assertThat(more.shmSizeBytes()).hasValue(134_217_728L);
        assertThat(more.oomKillDisable()).isTrue();
        assertThat(Limits.memory("16m").memorySwap("-1").memorySwapBytes()).hasValue(-1L);
    }

    @Test
    void rejectsMemoryBelowTheEngineMinimum() {
        assertThatThrownBy(() -> Limits.memory("4m"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid memory: \"4m\". Allowed: at least 6m (the engine's minimum, 6291456 bytes). "
                        + "Example: \"64m\".");
        assertThat(Limits.memory("6m").memoryBytes()).hasValue(Limits.MIN_MEMORY);
    }

    @Test
    void rejectsUnparseableMemory() {
        assertThatThrownBy(() -> Limits.memory("12xb"))
                .hasMessage("Invalid memory: \"12xb\". Allowed: a positive size: a number with an optional binary "
                        + "unit b, k, m, g (as the docker CLI reads them). Example: \"256m\".");
        assertThatThrownBy(() -> Limits.memory("-1m"))
                .hasMessage("Invalid memory: \"-1m\". Allowed: a positive size: a number with an optional binary "
                        + "unit b, k, m, g (as the docker CLI reads them). Example: \"256m\".");
    }

    @Test
    void rejectsSwapBelowMemory() {
        assertThatThrownBy(() -> Limits.memory("64m").memorySwap("32m"))
                .hasMessage("Invalid memory swap: \"32m\". Allowed: memory plus swap, at least the memory limit "
                        + "(64m), or \"-1\" for unlimited swap. Example: \"128m\".");
        assertThatThrownBy(() -> Limits.memory("16m").memorySwap("32m").withMemory("64m"))
                .hasMessage("Invalid memory swap: \"32m\". Allowed: memory plus swap, at least the memory limit "
                        + "(64m), or \"-1\" for unlimited swap. Example: \"128m\".");
        assertThatThrownBy(() -> Limits.none().memorySwap("32m"))
                .hasMessage("Invalid memory swap: \"32m\". Allowed: only together with a memory limit (set it first)."
                        + " Example: Limits.memory(\"64m\").memorySwap(\"128m\").");
    }

    @Test
    void rejectsNonPositiveCpus() {
        String msg = "Invalid cpus: %s. Allowed: a positive decimal number of CPUs, at most the engine's CPU count. "
                + "Example: 0.5.";
        assertThatThrownBy(() -> Limits.none().cpus(0)).hasMessage(msg, "0.0");
        assertThatThrownBy(() -> Limits.none().cpus(-1.5)).hasMessage(msg, "-1.5");
        assertThatThrownBy(() -> Limits.none().cpus(Double.NaN)).hasMessage(msg, "NaN");
    }

    @Test
    void rejectsZeroPids() {
        assertThatThrownBy(() -> Limits.none().pids(0))
                .hasMessage("Invalid pids limit: 0. Allowed: a positive number of processes, or -1 for unlimited. "
                        + "Example: 100.");
        assertThat(Limits.none().pids(-1).pidsLimit()).hasValue(-1L);
    }

    @Test
    void rejectsOomKillDisableWithoutMemoryLimit() {
        assertThatThrownBy(() -> Limits.none().oomKillDisabled())
                .hasMessage("Invalid oom kill disable: true. Allowed: only together with a memory limit (set it "
                        + "first). Example: Limits.memory(\"64m\").oomKillDisabled().");
    }

    @Test
    void rejectsMalformedCpusetsSharesWeightsAndUlimits() {
        assertThatThrownBy(() -> Limits.none().cpuset("0-"))
                .hasMessage("Invalid cpuset cpus: \"0-\". Allowed: a list of numbers and ranges such as 0-1,3. "
                        + "Example: \"0-1\".");
        assertThatThrownBy(() -> Limits.none().cpuset("3-1"))
                .hasMessage("Invalid cpuset cpus: \"3-1\". Allowed: a list of numbers and ranges such as 0-1,3. "
                        + "Example: \"0-1\".");
        assertThatThrownBy(() -> Limits.none().cpuShares(1))
                .hasMessage("Invalid cpu shares: 1. Allowed: 2 to 262144 (the default is 1024). Example: 512.");
        assertThatThrownBy(() -> Limits.none().blkioWeight(5))
                .hasMessage("Invalid blkio weight: 5. Allowed: 10 to 1000. Example: 500.");
        assertThatThrownBy(() -> Limits.none().ulimit("files", 1, 2))
                .hasMessage("Invalid ulimit: \"files\". Allowed: one of [core, cpu, data, fsize, locks, memlock, "
                        + "msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack]. "
                        + "Example: ulimit(\"nofile\", 1024, 2048).");
        assertThatThrownBy(() -> Limits.none().ulimit("nofile", 4096, 1024))
                .hasMessage("Invalid ulimit nofile: \"4096:1024\". Allowed: a soft limit of 0 or more, not above the "
                        + "hard limit. Example: ulimit(\"nofile\", 1024, 2048).");
    }
}
