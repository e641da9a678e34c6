package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelOomLogTest {
    private static final String ID = "d940e18710acc8a20ab64ca669212c2330786eed513d72e7cb5d8c82b4399e4c";
    // as the kernel logged a Podman container's kill here (6.18, cgroup v1, cgroup manager cgroupfs)
    private static final String KILL = "[ 2222.768545] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=libpod-"
            + ID + ",mems_allowed=0,oom_memcg=/libpod_parent/libpod-" + ID + ",task_memcg=/libpod_parent/libpod-" + ID
            + ",task=tail,pid=7236,uid=0";

    private static KernelOomLog printing(String... lines) {
        return new KernelOomLog(List.of("printf", "%s\\n", String.join("\n", lines)));
    }

    @Test
    void aKillChargedToTheContainersCgroupIsEvidence() {
        assertThat(printing("[ 2222.768268] tail invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL)", KILL).killed(ID))
                .isTrue();
    }

    @Test
    void aKillInDockersCgroupIsEvidenceToo() {
        // as Docker 20.10 (cgroupfs driver) has it here; the systemd driver names the cgroup docker-<id>.scope
        String docker = "[40399.350075] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=" + ID
                + ",mems_allowed=0,oom_memcg=/docker/" + ID + ",task_memcg=/docker/" + ID + ",task=tail,pid=8921,uid=0";
        String systemd = "[ 12.5] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=docker-" + ID
                + ".scope,mems_allowed=0,oom_memcg=/system.slice/docker-" + ID + ".scope,task=tail,pid=1,uid=0";
        assertThat(printing(docker).killed(ID)).isTrue();
        assertThat(printing(systemd).killed(ID)).isTrue();
        assertThat(printing(docker).killed(ID.replace('d', 'e'))).isFalse();
    }

    @Test
    void anotherContainersKillOrOnlyTheStatsHeaderIsNot() {
        String other = ID.replace('d', 'e');
        assertThat(printing(KILL).killed(other)).isFalse();
        assertThat(printing("[ 2222.768503] Memory cgroup stats for /libpod_parent/libpod-" + ID + ":").killed(ID))
                .isFalse();
    }

    @Test
    void anUnreadableKernelLogIsNoEvidence() {
        assertThat(new KernelOomLog(List.of("sh", "-c", "echo '" + KILL + "'; exit 1")).killed(ID)).isFalse();
        assertThat(new KernelOomLog(List.of("/nonexistent/dmesg")).killed(ID)).isFalse();
    }

    @Test
    void anUnreadableKernelLogGivesNoVerdictAReadableOneDoes() {
        assertThat(new KernelOomLog(List.of("sh", "-c", "echo '" + KILL + "'; exit 1")).verdict(ID)).isEmpty();
        assertThat(new KernelOomLog(List.of("/nonexistent/dmesg")).verdict(ID)).isEmpty();
        assertThat(printing(KILL).verdict(ID)).contains(true);
        assertThat(printing("[ 1.0] nothing").verdict(ID)).contains(false);
    }
}
