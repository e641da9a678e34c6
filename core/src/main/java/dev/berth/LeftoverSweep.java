package dev.berth;

import com.github.dockerjava.api.DockerClient;
import dev.berth.cleanup.Leftover;
import dev.berth.cleanup.SweepPolicy;
import dev.berth.cleanup.Sweeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Engine's sweep: the internal {@link Sweeper} behind the public {@link LeftoverResource} values. */
final class LeftoverSweep {
    private final DockerClient docker;
    private final boolean localEngine;
    private final String ownSession;
    private final Duration maxAge;

    LeftoverSweep(DockerClient docker, boolean localEngine, String ownSession, Duration maxAge) {
        this.docker = docker;
        this.localEngine = localEngine;
        this.ownSession = ownSession;
        this.maxAge = maxAge;
    }

    List<LeftoverResource> find(Optional<Duration> olderThan) {
        List<LeftoverResource> out = new ArrayList<>();
        for (Leftover l : sweeper(olderThan).find()) {
            out.add(toPublic(l));
        }
        return List.copyOf(out);
    }

    SweepResult remove(List<LeftoverResource> leftovers) {
        Sweeper sweeper = sweeper(Optional.empty());
        List<Leftover> internal = new ArrayList<>();
        for (LeftoverResource r : leftovers) {
            internal.add(new Leftover(dev.berth.session.Session.Kind.valueOf(r.kind().toUpperCase(java.util.Locale.ROOT)),
                    r.id(), r.name(), java.util.Map.of(dev.berth.session.Session.LABEL_SESSION, r.session()), r.reason()));
        }
        Sweeper.Result result = sweeper.remove(internal);
        List<LeftoverResource> removed = new ArrayList<>();
        for (Leftover l : result.removed()) {
            leftovers.stream().filter(r -> r.id().equals(l.id())).findFirst().ifPresent(removed::add);
        }
        List<String> failures = result.failureLines();
        return new SweepResult(removed, failures, result.took());
    }

    private Sweeper sweeper(Optional<Duration> olderThan) {
        SweepPolicy policy = SweepPolicy.forThisJvm(olderThan.isPresent() ? SweepPolicy.Mode.OLDER_THAN : SweepPolicy.Mode.DEAD,
                olderThan.orElse(maxAge), localEngine, ownSession);
        return new Sweeper(docker, policy);
    }

    private static LeftoverResource toPublic(Leftover l) {
        return new LeftoverResource(l.kind().name().toLowerCase(java.util.Locale.ROOT), l.id(), l.name(),
                l.session() == null ? "" : l.session(), l.reason(), l.describe());
    }
}
