package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one message every failed teardown reports. */
class TeardownErrorsTest {

    @Test
    void listsEachFailedStepWithItsCauseSuppressed() {
        IllegalStateException inUse = new IllegalStateException("network has active endpoints\n  (2 containers)");
        RuntimeException bare = new RuntimeException();
        BerthException e = TeardownErrors.aggregate("session 1a2b3c4d", 5, List.of(
                new StepFailure("remove network backend-1a2b (id 0123456789ab)", inUse),
                new StepFailure("remove image snap:1 (id fedcba987654)", bare)));
        assertThat(e).hasMessage("""
                Teardown of session 1a2b3c4d failed in 2 of 5 step(s); every other step was attempted:
                  - remove network backend-1a2b (id 0123456789ab): network has active endpoints (2 containers)
                  - remove image snap:1 (id fedcba987654): RuntimeException
                Free what still uses these resources, then remove the leftovers with 'scripts/sweep --remove'\
                 (it lists them first without --remove).""");
        assertThat(e.getSuppressed()).containsExactly(inUse, bare);
    }

    @Test
    void showsTheEnginesOwnTextForEngineErrors() {
        RuntimeException reply = new RuntimeException("Status 409: {\"message\":\"remove data: volume is in use - [47cd5b1a6f21]\"}\n");
        assertThat(new StepFailure("remove volume data", reply).reason())
                .isEqualTo("remove data: volume is in use - [47cd5b1a6f21] (HTTP 409)");
    }

    @Test
    void refusesAnEmptyListAndThrowsNothingWithoutFailures() {
        assertThatThrownBy(() -> TeardownErrors.aggregate("x", 1, List.of())).isInstanceOf(IllegalArgumentException.class);
        TeardownErrors.throwIfAny("x", 3, List.of());
    }

    @Test
    void describesResourcesWithShortIds() {
        assertThat(ResourceRemover.describe("remove", dev.berth.session.Session.Kind.IMAGE,
                "sha256:f883c4352e7d0123456789abcdef", "snap:1")).isEqualTo("remove image snap:1 (id f883c4352e7d)");
        assertThat(ResourceRemover.describe("remove", dev.berth.session.Session.Kind.VOLUME, "data", "data"))
                .isEqualTo("remove volume data");
    }
}
