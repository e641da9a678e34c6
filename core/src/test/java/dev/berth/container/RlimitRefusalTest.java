package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Limits;
import org.junit.jupiter.api.Test;

class RlimitRefusalTest {
    private static final String RUNC = "InternalServerErrorException: Status 500: {\"cause\":\"OCI permission denied\","
            + "\"message\":\"runc: runc create failed: unable to start container process: error during container init:"
            + " error setting rlimits for ready process: error setting rlimit type 6: operation not permitted\"}";

    @Test
    void aRefusedNprocThatTheSpecLeavesOutIsExplainedWithTheFix() {
        assertThat(RlimitRefusal.explain(Limits.none().ulimit("nofile", 1024, 2048), RUNC)).isEqualTo(
                "; the runtime may not raise the ulimit nproc, which the spec does not set: once a spec sets a ulimit"
                        + " (here nofile), Podman gives nproc its maximum (1048576) instead of its configured default,"
                        + " and this engine may not raise it above the host's limit. Set it too, e.g."
                        + " .ulimit(\"nproc\", 4096, 4096)");
    }

    @Test
    void nothingIsAddedWhenTheSpecSetsThatLimitOrNoneOrTheFailureIsAnother() {
        assertThat(RlimitRefusal.explain(Limits.none().ulimit("nproc", 1, 1), RUNC)).isEmpty();
        assertThat(RlimitRefusal.explain(Limits.none(), RUNC)).isEmpty();
        assertThat(RlimitRefusal.explain(Limits.none().ulimit("nofile", 1, 1), "no such image")).isEmpty();
    }
}
