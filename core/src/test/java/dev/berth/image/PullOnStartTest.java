package dev.berth.image;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** engine.start(spec) makes the image available with the spec's pull policy before creating the container. */
class PullOnStartTest extends WithEngine {

    @Test
    void startPullsAnImageOnlyTheRegistryHolds() throws Exception {
        ImageRef ref = TestImages.pushOnly(engine.docker(),
                ImageRef.parse("localhost:5000/berth-test/" + TestImages.uniqueName() + ":1"));
        try {
            try (RunningContainer c = engine.start(ContainerSpec.of(ref).withCommand("sleep", "30"))) {
                assertThat(engine.docker().inspectContainerCmd(c.id()).exec().getConfig().getImage())
                        .isEqualTo(ref.toString());
            }
        } finally {
            TestImages.removeQuietly(engine.docker(), ref);
        }
    }

    @Test
    void aStartAfterTheImageWasRemovedResolvesItAgain() throws Exception {
        ImageRef ref = TestImages.pushOnly(engine.docker(),
                ImageRef.parse("localhost:5000/berth-test/" + TestImages.uniqueName() + ":1"));
        ContainerSpec pulled = ContainerSpec.of(ref).withCommand("sleep", "30");
        ContainerSpec local = pulled.withPullPolicy(PullPolicy.NEVER);
        try {
            try (RunningContainer c = engine.start(pulled); RunningContainer d = engine.start(local)) {
                assertThat(c.state().running()).isTrue();
                assertThat(d.state().running()).isTrue();
            }
            // both are remembered as present now; someone removes the image between starts
            TestImages.removeQuietly(engine.docker(), ref);
            try (RunningContainer c = engine.start(pulled)) {
                assertThat(engine.docker().inspectContainerCmd(c.id()).exec().getConfig().getImage())
                        .as("pulled again").isEqualTo(ref.toString());
            }
            TestImages.removeQuietly(engine.docker(), ref);
            assertThatThrownBy(() -> engine.start(local)).isInstanceOf(ImageNotFoundException.class)
                    .hasMessageStartingWith("Image " + ref + " is not available. Tried:\n  - local images: no " + ref
                            + "\n  - pull policy NEVER: no registry contacted\n");
        } finally {
            TestImages.removeQuietly(engine.docker(), ref);
        }
    }

    @Test
    void neverPolicyFailsBeforeAnyContainerExists() {
        ImageRef ref = ImageRef.parse("127.0.0.1:1/berth-test/" + TestImages.uniqueName() + ":1");
        assertThatThrownBy(() -> engine.start(ContainerSpec.of(ref).withPullPolicy(PullPolicy.NEVER)))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageStartingWith("Image " + ref + " is not available. Tried:\n  - local images: no " + ref
                        + "\n  - pull policy NEVER: no registry contacted\n");
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(Session.LABEL_SESSION, Internals.ledger(engine).id())).exec()).isEmpty();
        assertThat(Internals.ledger(engine).heldNewestFirst()).isEqualTo(List.of());
    }
}
