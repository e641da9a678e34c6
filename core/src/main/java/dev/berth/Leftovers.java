package dev.berth;

import com.github.dockerjava.api.DockerClient;
import dev.berth.cleanup.Leftover;
import dev.berth.cleanup.SweepPolicy;
import dev.berth.cleanup.Sweeper;
import dev.berth.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Berth-labelled resources other sessions left on the engine — what {@code scripts/sweep} and
 * {@code berth sweep} clean up after a cancelled job. Obtain it with {@link Engine#leftovers()}. Only resources
 * carrying Berth's labels are ever found; kept snapshots and the engine's own session never are.
 */
public final class Leftovers {
    private final DockerClient docker;
    private final boolean localEngine;
    private final String ownSession;
    private final Duration maxAge;

    Leftovers(DockerClient docker, boolean localEngine, String ownSession, Duration maxAge) {
        this.docker = docker;
        this.localEngine = localEngine;
        this.ownSession = ownSession;
        this.maxAge = maxAge;
    }

    /**
     * Finds what a sweep would remove (four list calls; nothing is removed).
     *
     * @param olderThan empty for dead sessions only (on this host: whose JVM is gone; elsewhere: older than
     *     {@code berth.sweep.max-age}); present for everything Berth created longer ago than that, alive or not
     * @return the leftovers, in removal order (containers, then networks, images and volumes)
     */
    public List<LeftoverResource> find(Optional<Duration> olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        List<LeftoverResource> out = new ArrayList<>();
        for (Leftover l : sweeper(olderThan).find()) {
            out.add(new LeftoverResource(l.kind().name().toLowerCase(Locale.ROOT), l.id(), l.name(),
                    l.session() == null ? "" : l.session(), l.reason(), l.describe()));
        }
        return List.copyOf(out);
    }

    /**
     * Removes leftovers found by {@link #find(Optional)}, in the order given; every removal is attempted.
     *
     * @param leftovers what to remove
     * @return what was removed and what failed
     */
    public SweepResult remove(List<LeftoverResource> leftovers) {
        List<Leftover> internal = new ArrayList<>();
        for (LeftoverResource r : leftovers) {
            internal.add(new Leftover(Session.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)), r.id(), r.name(),
                    Map.of(Session.LABEL_SESSION, r.session()), r.reason()));
        }
        Sweeper.Result result = sweeper(Optional.empty()).remove(internal);
        List<LeftoverResource> removed = new ArrayList<>();
        for (Leftover l : result.removed()) {
            leftovers.stream().filter(r -> r.id().equals(l.id())).findFirst().ifPresent(removed::add);
        }
        return new SweepResult(removed, result.failureLines(), result.took());
    }

    private Sweeper sweeper(Optional<Duration> olderThan) {
        SweepPolicy policy = SweepPolicy.forThisJvm(olderThan.isPresent() ? SweepPolicy.Mode.OLDER_THAN
                : SweepPolicy.Mode.DEAD, olderThan.orElse(maxAge), localEngine, ownSession);
        return new Sweeper(docker, policy);
    }
}
