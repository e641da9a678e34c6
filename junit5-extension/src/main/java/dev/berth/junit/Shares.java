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
 * Starts {@link Shared} containers once per run, in the root store, and reuses them across classes. The
 * ones a class needs that no earlier class started go to core's start graph together, the running ones
 * counting as ready dependencies; each is in the root store the moment it is ready.
 */
final class Shares {
    private Shares() {
    }

    private static String key(String name) {
        return "shared:" + name;
    }

    /** @return the image of the running {@link Shared} container of a name, if one runs */
    static Optional<String> runningImage(ExtensionContext context, String name) {
        return Optional.ofNullable(context.getRoot().getStore(RunState.NS).get(key(name), SharedContainer.class))
                .map(s -> s.container().spec().image().toString());
    }

    static void startShared(ExtensionContext context, RunState run, ClassModel model, Set<String> networks,
                            ContextResources into) {
        List<Declaration> shared = model.containers().stream().filter(Declaration::shared).toList();
        if (shared.isEmpty()) {
            return;
        }
        ExtensionContext.Store root = context.getRoot().getStore(RunState.NS);
        Engine engine = run.engine();
        synchronized (run.sharedStarts()) {
            Map<String, RunningContainer> running = new LinkedHashMap<>();
            List<ContainerSpec> missing = new ArrayList<>();
            for (Declaration d : shared) {
                ContainerSpec spec = SpecFactory.build(d, null, run.config(), networks, UnaryOperator.identity());
                SharedContainer existing = root.get(key(d.name()), SharedContainer.class);
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
                engine.startAll(missing, running, c -> root.put(key(c.spec().name().orElseThrow()), new SharedContainer(c)));
            } catch (InvalidSpecException e) {
                throw Errors.invalidPlan(model.testClass().getName(), e);
            }
        }
        for (Declaration d : shared) {
            into.addContainer(d.name(), root.get(key(d.name()), SharedContainer.class).container(), false);
        }
    }
}
