package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts {@link Shared} containers once per run, in the root store, and reuses them across classes. */
final class Shares {
    private Shares() {
    }

    static String key(String name) {
        return "shared:" + name;
    }

    static void startShared(ExtensionContext context, Engine engine, BerthConfig config, ClassModel model,
                            Set<String> networks, ContextResources into) {
        List<Starter.Pending> pending = new ArrayList<>();
        Map<String, Declaration> byName = new LinkedHashMap<>();
        for (Declaration d : model.containers()) {
            if (d.shared()) {
                ContainerSpec spec = SpecFactory.build(d, null, config, networks, UnaryOperator.identity());
                pending.add(new Starter.Pending(d.name(), spec));
                byName.put(d.name(), d);
            }
        }
        for (Starter.Pending p : StartOrder.sort(pending)) {
            SharedContainer shared = BerthExtension.rootStore(context).getOrComputeIfAbsent(key(p.name()),
                    k -> new SharedContainer(engine.start(p.spec())), SharedContainer.class);
            String running = shared.container().spec().image().toString();
            if (!running.equals(p.spec().image().toString())) {
                throw Errors.sharedConflict(byName.get(p.name()), running);
            }
            into.addContainer(p.name(), shared.container(), false);
        }
    }
}
