package dev.berth.cleanup;

import static dev.berth.cleanup.CleanupFixtures.removeQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.session.Session;
import dev.berth.session.Session.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Containers inherit a kept snapshot's labels, keep included. One started by hand from the snapshot
 * stays protected; one Berth started from it in another (dead) session is still swept. The fake
 * sessions come from another host and are 30 minutes old, so only this test's sweeper (max age 10m)
 * judges them dead; parallel runs (1h) leave them alone.
 */
class KeptSnapshotSweepTest {

    private static Map<String, String> deadElsewhere(String session) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(Session.LABEL_SESSION, session);
        l.put(Session.LABEL_PID, "1");
        l.put(Session.LABEL_HOST, "berth-test-elsewhere");
        l.put(Session.LABEL_CREATED, Long.toString(Instant.now().minus(Duration.ofMinutes(30)).getEpochSecond()));
        return l;
    }

    @Test
    void inheritedKeepProtectsHandStartedContainersOnly() throws Exception {
        String snapshotSession = UUID.randomUUID().toString();
        String laterSession = UUID.randomUUID().toString();
        String source = null;
        String kept = null;
        String byHand = null;
        String byBerth = null;
        try (DockerClient raw = CleanupFixtures.raw()) {
            try {
                source = raw.createContainerCmd(CleanupFixtures.BUSYBOX).withCmd("sleep", "600").exec().getId();
                Map<String, String> keptLabels = deadElsewhere(snapshotSession);
                keptLabels.put(Session.LABEL_KEEP, "true");
                kept = raw.commitCmd(source).withLabels(keptLabels).withRepository(CleanupFixtures.SNAPSHOT_REPO)
                        .withTag("kept-" + snapshotSession.substring(0, 8)).exec();
                byHand = raw.createContainerCmd(kept).withCmd("sleep", "600").exec().getId();
                byBerth = raw.createContainerCmd(kept).withCmd("sleep", "600").withLabels(deadElsewhere(laterSession))
                        .exec().getId();
                SweepPolicy policy = SweepPolicy.forThisJvm(SweepPolicy.Mode.DEAD, Duration.ofMinutes(10), true, null);

                assertThat(new Sweeper(raw, policy, snapshotSession).find()).isEmpty();
                assertThat(new Sweeper(raw, policy, laterSession).find()).extracting(Leftover::kind, Leftover::id)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CONTAINER, byBerth));
            } finally {
                removeQuietly(raw, Kind.CONTAINER, byBerth);
                removeQuietly(raw, Kind.CONTAINER, byHand);
                removeQuietly(raw, Kind.CONTAINER, source);
                removeQuietly(raw, Kind.IMAGE, kept);
            }
        }
    }
}
