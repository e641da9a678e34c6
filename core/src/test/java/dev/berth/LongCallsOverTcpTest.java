package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.EngineTimeouts;
import dev.berth.faults.FaultyEngineProxy;
import dev.berth.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Over TCP (a plain proxy in front of the local socket), calls that stream or run long do not share the
 * quick calls' timeout: with an 8 s call timeout, a log wait of 10 s and an exec of 10 s succeed.
 */
class LongCallsOverTcpTest {

    @Test
    void aLogWaitAndAnExecLongerThanTheCallTimeoutSucceedOverTcp() throws IOException {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.tcp();
             Engine engine = HungEngineTest.through(proxy, EngineTimeouts.defaults().withCall(Duration.ofSeconds(8)))) {
            RunningContainer c = engine.start(ContainerSpec.of(Fixtures.BUSYBOX)
                    .withCommand("sh", "-c", "sleep 10; echo ready; sleep 300")
                    .waitingFor(Wait.forLogMessage("ready")).withStartupTimeout(Duration.ofSeconds(30)));
            assertThat(c.logs().lines()).contains("ready");
            ExecResult r = c.exec(ExecSpec.of("sh", "-c", "sleep 10; echo done"));
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).isEqualTo("done\n");
        }
    }
}
