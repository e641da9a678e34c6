package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.cleanup.ProcessProbe.Liveness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The local process probe against real processes of this machine. */
class ProcessProbeTest {

    @Test
    void thisJvmIsAliveForResourcesItCreated() {
        assertThat(ProcessProbe.local().check(ProcessHandle.current().pid(), Instant.now())).isEqualTo(Liveness.ALIVE);
    }

    @Test
    void aFinishedProcessIsGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(ProcessProbe.local().check(p.pid(), Instant.now())).isEqualTo(Liveness.GONE);
    }

    @Test
    void aProcessStartedAfterTheResourceWasCreatedIsAReusedPid() {
        Instant longBeforeThisJvm = Instant.now().minus(Duration.ofDays(400));
        assertThat(ProcessProbe.local().check(ProcessHandle.current().pid(), longBeforeThisJvm)).isEqualTo(Liveness.REUSED);
    }

    @Test
    void creationWithinTheSlackOfTheStartIsStillAlive() {
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
        assertThat(ProcessProbe.local().check(ProcessHandle.current().pid(), start.minusSeconds(2))).isEqualTo(Liveness.ALIVE);
    }
}
