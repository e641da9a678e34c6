package dev.berth.cleanup;

import dev.berth.Internals;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.util.Map;

/**
 * A test run in a child JVM: creates a container, a network and a snapshot image (and, with
 * {@code --kept}, a kept snapshot), prints their ids and READY, then waits to be killed.
 */
public final class ChildRun {
    private ChildRun() {
    }

    /** @param args {@code --kept} to also create a kept snapshot */
    public static void main(String[] args) throws Exception {
        Engine engine = Berth.connect();
        Session session = Internals.ledger(engine);
        String tag = session.id().substring(0, 8);
        RunningContainer container = engine.start(ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600"));
        Network network = engine.network("crash");
        String image = CleanupFixtures.snapshot(engine.docker(), session, container.id(), tag, Map.of());
        session.record(Session.Kind.IMAGE, image, CleanupFixtures.SNAPSHOT_REPO + ":" + tag);
        System.out.println("SESSION " + session.id());
        System.out.println("CONTAINER " + container.id());
        System.out.println("NETWORK " + network.id());
        System.out.println("IMAGE " + image);
        if (args.length > 0 && args[0].equals("--kept")) {
            String kept = CleanupFixtures.snapshot(engine.docker(), session, container.id(), tag + "-kept",
                    Map.of(Session.LABEL_KEEP, "true"));
            System.out.println("KEPT " + kept);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
