package dev.berth.cleanup;

import com.github.dockerjava.api.DockerClient;
import dev.berth.StopPolicy;
import dev.berth.session.Session;
import dev.berth.session.Session.Kind;
import dev.berth.session.Session.Resource;
import java.util.List;

/**
 * Removes what a session still holds, in the teardown order: containers (stopped per their stop
 * policy, then removed with their anonymous volumes) → networks → images unless kept → named
 * volumes; newest first within each kind. Every step is attempted; removed resources leave the
 * ledger, failed ones stay (so a second close retries them).
 */
final class SessionTeardown {
    private static final List<Kind> ORDER = List.of(Kind.CONTAINER, Kind.NETWORK, Kind.IMAGE, Kind.VOLUME);

    private final Session session;
    private final ResourceRemover remover;

    /**
     * @param docker the engine client
     * @param session the session whose ledger is torn down
     */
    public SessionTeardown(DockerClient docker, Session session) {
        this.session = session;
        this.remover = new ResourceRemover(docker);
    }

    /**
     * @param honourStopPolicies false to kill every container at once (the JVM is going down)
     * @param steps where the attempted steps and failures are recorded
     */
    public void run(boolean honourStopPolicies, Steps steps) {
        List<Resource> held = session.heldNewestFirst();
        for (Kind kind : ORDER) {
            for (Resource r : held) {
                if (r.kind() == kind) {
                    tearDown(r, honourStopPolicies, steps);
                }
            }
        }
    }

    private void tearDown(Resource r, boolean honourStopPolicies, Steps steps) {
        boolean removed = switch (r.kind()) {
            case CONTAINER -> {
                StopPolicy policy = honourStopPolicies ? r.stopPolicy() : StopPolicy.kill();
                yield remover.stopAndRemove(r.id(), r.name(), policy, steps);
            }
            case NETWORK -> steps.attempt(describe(r), () -> remover.removeNetwork(r.id()));
            case IMAGE -> steps.attempt(describe(r), () -> remover.removeImageUnlessKept(r.id()));
            case VOLUME -> steps.attempt(describe(r), () -> remover.removeVolume(r.id()));
        };
        if (removed) {
            session.forget(r.kind(), r.id());
        }
    }

    private static String describe(Resource r) {
        return ResourceRemover.describe("remove", r.kind(), r.id(), r.name());
    }
}
