package dev.berth.cleanup;

import dev.berth.Internals;
import static dev.berth.cleanup.CleanupFixtures.exists;
import static dev.berth.cleanup.CleanupFixtures.removeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import dev.berth.session.Session.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teardown with a failure injected at the network, image and volume steps (each still used by a
 * foreign container): every other step is attempted and one exception lists the three failures.
 */
class TeardownFailureTest {

    @Test
    void attemptsEveryStepAndReportsEachFailure() throws Exception {
        String foreign = null;
        String busyNet = null;
        String image = null;
        String busyVolume = null;
        try (DockerClient raw = CleanupFixtures.raw()) {
            Engine engine = Berth.connect();
            Session session = Internals.ledger(engine);
            String tag = session.id().substring(0, 8);
            try {
                Network busy = engine.network("busy");
                busyNet = busy.id();
                Network free = engine.network("free");
                RunningContainer c = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600"));
                image = CleanupFixtures.snapshot(raw, session, c.id(), tag, Map.of());
                session.record(Kind.IMAGE, image, CleanupFixtures.SNAPSHOT_REPO + ":" + tag);
                busyVolume = volume(raw, session, "berth-busy-" + tag);
                String freeVolume = volume(raw, session, "berth-free-" + tag);
                foreign = raw.createContainerCmd(image).withCmd("sleep", "600").withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(busy.name()).withBinds(new Bind(busyVolume, new Volume("/data")))).exec().getId();
                raw.startContainerCmd(foreign).exec();

                BerthException e = catchThrowableOfType(BerthException.class, engine::close);

                String[] lines = e.getMessage().split("\n");
                assertThat(lines).hasSize(5);
                assertThat(lines[0]).isEqualTo("Teardown of session " + tag
                        + " failed in 3 of 6 step(s); every other step was attempted:");
                assertThat(lines[1]).startsWith("  - remove network " + busy.name() + " (id " + busyNet.substring(0, 12) + "): ")
                        .contains("has active endpoints");
                assertThat(lines[2]).startsWith("  - remove image " + CleanupFixtures.SNAPSHOT_REPO + ":" + tag
                        + " (id " + ResourceRemover.shortId(image) + "): ").contains("image is being used by running container");
                assertThat(lines[3]).startsWith("  - remove volume " + busyVolume + ": ").contains("volume is in use");
                assertThat(lines[4]).isEqualTo("Free what still uses these resources, then remove the leftovers with"
                        + " 'scripts/sweep --remove' (it lists them first without --remove).");
                assertThat(e.getSuppressed()).hasSize(3);

                assertThat(exists(raw, Kind.CONTAINER, c.id())).as("Berth container removed").isFalse();
                assertThat(exists(raw, Kind.NETWORK, free.id())).as("free network removed").isFalse();
                assertThat(exists(raw, Kind.VOLUME, freeVolume)).as("free volume removed").isFalse();
                assertThat(session.heldNewestFirst()).extracting(Session.Resource::id)
                        .containsExactly(busyVolume, image, busyNet);

                engine.close();
            } finally {
                removeQuietly(raw, Kind.CONTAINER, foreign);
                removeQuietly(raw, Kind.NETWORK, busyNet);
                removeQuietly(raw, Kind.IMAGE, image);
                removeQuietly(raw, Kind.VOLUME, busyVolume);
                engine.close();
            }
        }
    }

    private static String volume(DockerClient raw, Session session, String name) {
        String created = raw.createVolumeCmd().withName(name).withLabels(session.labels()).exec().getName();
        session.record(Kind.VOLUME, created, created);
        return created;
    }
}
