package dev.berth.compose;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates a model's networks, builds its images and starts its active services through the engine's
 * one start graph ({@link Engine#startAll(List)}), which orders them by {@code depends_on} and rejects
 * cycles. Each dependency is given the wait strategy of the strongest condition a dependent declares;
 * a service with a {@code healthcheck} is ready once healthy (as with {@code docker compose up --wait}),
 * so a test gets every service ready. Each service belongs to the project the moment it is ready, so that when
 * another one fails it is either removed with everything else or handed over with the partial project.
 */
final class ProjectStarter {
    private ProjectStarter() {
    }

    /**
     * @param partialOwner receives the project as far as it got when a service fails after others are ready
     *     (they are then not removed here), or null to remove everything before throwing
     */
    static RunningCompose start(ComposeModel model, Engine engine, Consumer<? super RunningCompose> partialOwner) {
        Map<String, Network> networks = new LinkedHashMap<>();
        List<String> built = new ArrayList<>();
        Map<String, RunningContainer> ready = new LinkedHashMap<>();
        try {
            model.networks().forEach((name, spec) -> networks.put(name, engine.network(spec)));
            Map<String, DependsOn> conditions = conditions(model);
            List<ContainerSpec> specs = new ArrayList<>();
            for (String name : model.activeServices()) {
                ServiceDefinition s = model.services().get(name);
                s.build().ifPresent(b -> built.add(engine.images().build(b.context(), b.dockerfile(), b.args(),
                        s.spec().image().toString()).toString()));
                specs.add(spec(s, networks, conditions.get(name)));
            }
            List<RunningContainer> started = startAll(model, engine, specs, c -> {
                synchronized (ready) {
                    ready.put(c.spec().name().orElseThrow(), c);
                }
            });
            Map<String, RunningContainer> byName = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                byName.put(model.activeServices().get(i), started.get(i));
            }
            return new RunningCompose(engine, model, byName, networks);
        } catch (RuntimeException e) {
            RunningCompose partial;
            synchronized (ready) {
                partial = new RunningCompose(engine, model, ready, networks);
            }
            if (partialOwner != null && !ready.isEmpty()) {
                partialOwner.accept(partial); // built images stay for the session's cleanup: the containers use them
                throw e;
            }
            List<AutoCloseable> created = new ArrayList<>(partial.services().values());
            Collections.reverse(created);
            created.addAll(networks.values());
            RunningCompose.closeAll(created, e);
            for (String image : built) {
                try {
                    engine.images().remove(dev.berth.ImageRef.parse(image));
                } catch (RuntimeException removal) {
                    e.addSuppressed(removal);
                }
            }
            throw e;
        }
    }

    private static List<RunningContainer> startAll(ComposeModel model, Engine engine, List<ContainerSpec> specs,
                                                   Consumer<RunningContainer> ready) {
        try {
            return engine.startAll(specs, Map.of(), ready);
        } catch (InvalidSpecException e) {
            if (!"dependsOn".equals(e.option())) {
                throw e;
            }
            String msg = e.getMessage();
            int q = msg.indexOf('"');
            String first = q < 0 ? "" : msg.substring(q + 1).split(" ", 2)[0];
            throw new ComposeFileException(msg, model.dependsOnAt(first));
        }
    }

    private static ContainerSpec spec(ServiceDefinition s, Map<String, Network> networks, DependsOn condition) {
        ContainerSpec spec = s.spec();
        for (Map.Entry<String, List<String>> n : s.networks().entrySet()) {
            List<String> aliases = new ArrayList<>();
            aliases.add(s.name());
            n.getValue().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
            spec = spec.withNetwork(networks.get(n.getKey()).name(), aliases.toArray(String[]::new));
        }
        if (condition == DependsOn.SERVICE_COMPLETED_SUCCESSFULLY) {
            spec = spec.waitingFor(new ExitWait());
        } else if (condition == DependsOn.SERVICE_HEALTHY || s.spec().healthcheck().filter(h -> !h.disabled()).isPresent()) {
            spec = spec.waitingFor(Wait.forHealthcheck());
            dev.berth.Healthcheck h = s.spec().healthcheck().filter(c -> !c.disabled()).orElse(null);
            if (h != null) {
                // as long as the healthcheck itself allows before Docker calls it unhealthy
                Duration budget = h.startPeriod().plus(h.interval().multipliedBy(h.retries())).plus(h.timeout());
                if (budget.compareTo(spec.startupTimeout()) > 0) {
                    spec = spec.withStartupTimeout(budget);
                }
            }
        }
        return spec;
    }

    /** @return for each service some other service depends on, the strongest condition declared */
    private static Map<String, DependsOn> conditions(ComposeModel model) {
        Map<String, DependsOn> out = new LinkedHashMap<>();
        for (String name : model.activeServices()) {
            model.services().get(name).dependsOn().forEach((dep, c) -> out.merge(dep, c,
                    (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        return out;
    }
}
