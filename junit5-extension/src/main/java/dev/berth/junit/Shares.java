package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link Shared} containers once per run and engine (with {@code berth.docker.hosts}, each engine of the
 * pool runs its own), in the root store, and reuses them across the classes on that engine. The
 * ones a class needs that no earlier class started go to core's start graph together, the running ones
 * counting as ready dependencies; each is in the root store the moment it is ready.
 */
final class Shares {
    private Shares() {
    }

    /** @return the root store key of a shared container on one engine of the run (shared containers are per engine) */
    private static String key(String placement, String name) {
        return "shared:" + placement + ":" + name;
    }

    /** @return the image of the running {@link Shared} container of a name on the class's engine, if one runs */
    static Optional<String> runningImage(ExtensionContext context, String name) {
        String placement = RunState.of(context).placement(context);
        return Optional.ofNullable(context.getRoot().getStore(RunState.NS).get(key(placement, name),
                SharedContainer.class)).map(s -> s.container().spec().image().toString());
    }

    static void startShared(ExtensionContext context, RunState run, ClassModel model, Set<String> networks,
                            ContextResources into) {
        List<Declaration> shared = model.containers().stream().filter(Declaration::shared).toList();
        if (shared.isEmpty()) {
            return;
        }
        ExtensionContext.Store root = context.getRoot().getStore(RunState.NS);
        Engine engine = run.engine(context);
        String placement = run.placement(context);
        synchronized (run.sharedStarts(placement)) {
            Map<String, RunningContainer> running = new LinkedHashMap<>();
            List<ContainerSpec> missing = new ArrayList<>();
            for (Declaration d : shared) {
                ContainerSpec spec = SpecFactory.build(d, null, run.config(), networks, UnaryOperator.identity());
                SharedContainer existing = root.get(key(placement, d.name()), SharedContainer.class);
                if (existing == null) {
                    missing.add(spec);
                    continue;
                }
                String image = existing.container().spec().image().toString();
                if (!image.equals(spec.image().toString())) {
                    throw Errors.sharedConflict(d, image);
                }
                running.put(d.name(), existing.container());
            }
            try {
                engine.startAll(missing, running, c -> root.put(key(placement, c.spec().name().orElseThrow()),
                        new SharedContainer(c)));
            } catch (InvalidSpecException e) {
                throw Errors.invalidPlan(model.testClass().getName(), e);
            }
        }
        for (Declaration d : shared) {
            into.addContainer(d.name(), root.get(key(placement, d.name()), SharedContainer.class).container(), false);
        }
    }
}
