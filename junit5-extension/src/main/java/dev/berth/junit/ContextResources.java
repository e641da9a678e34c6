package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.Network;
import dev.berth.PreparedStarts;
import dev.berth.RunningContainer;
import dev.berth.SessionInfo;
import dev.berth.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers and networks of one extension context (a test class or a test method), by
 * logical name. Stored in that context's store; JUnit closes it when the context ends, which
 * removes what it owns newest first, unless keep-on-failure applies. Thread-safe.
 */
final class ContextResources implements StoredResource {
    private static final Logger LOG = LoggerFactory.getLogger(ContextResources.class);

    private final Engine engine;
    private final BerthConfig config;
    private final String label;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private boolean closed;
    private final Map<String, RunningContainer> containers = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile PrepareAhead removeIn;

    ContextResources(Engine engine, BerthConfig config, String label) {
        this.engine = engine;
        this.config = config;
        this.label = label;
    }

    Engine engine() {
        return engine;
    }

    /** @return e.g. {@code com.acme.OrderTest} or {@code com.acme.OrderTest.stores}, for messages */
    String label() {
        return label;
    }

    /**
     * Puts new resources into a context's store; JUnit closes them when the context ends.
     *
     * @param context a class or test context
     * @param resources its resources
     */
    static void register(ExtensionContext context, ContextResources resources) {
        context.getStore(RunState.NS).put(key(context), resources);
    }

    /** @return the resources of the context and its ancestors, innermost first */
    static List<ContextResources> chain(ExtensionContext context) {
        List<ContextResources> out = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ContextResources r = c.get().getStore(RunState.NS).get(key(c.get()), ContextResources.class);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static String key(ExtensionContext context) {
        return "resources:" + context.getUniqueId();
    }

    /**
     * Starts containers together through core's start graph ({@link Engine#startAll(List, Map, Consumer)}):
     * each once the containers it depends on are ready, those of enclosing scopes counting as running. Each
     * belongs to this context the moment it is ready, so when another fails it is still in the failure report
     * and removed with the scope.
     *
     * @param specs the specs, each named with its logical name
     * @param chain the resources of this context's ancestors (and its own), innermost first
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when core rejects the plan
     *     (a dependency cycle, an unknown dependency, a duplicate alias), before any of them exists
     */
    void startAll(List<ContainerSpec> specs, List<ContextResources> chain) {
        startAll(specs, chain, null, Set.of());
    }

    /**
     * Starts containers as {@link #startAll(List, List)} does, first claiming those {@code ahead} prepared for equal
     * specs, then preparing the next test's in the background.
     *
     * @param specs the specs, each named with its logical name
     * @param chain the resources of this context's ancestors (and its own), innermost first
     * @param ahead the class's prepared starts, or null
     * @param optedOut logical names declared {@code @Container(prepareAhead = false)}
     */
    void startAll(List<ContainerSpec> specs, List<ContextResources> chain, PrepareAhead ahead, Set<String> optedOut) {
        if (specs.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        specs.forEach(s -> names.add(s.name().orElseThrow()));
        Map<String, RunningContainer> running = new HashMap<>();
        for (ContextResources r : chain) {
            for (String name : r.containerNames()) {
                if (!names.contains(name)) {
                    running.putIfAbsent(name, r.container(name));
                }
            }
        }
        Map<String, RunningContainer> outer = Map.copyOf(running);
        List<ContainerSpec> rest = specs;
        if (ahead != null) {
            removeIn = ahead;
            rest = ahead.claim(specs, outer, optedOut, (name, c) -> {
                addContainer(name, c, true);
                running.put(name, c);
            });
        }
        try {
            engine.startAll(rest, running, c -> addContainer(c.spec().name().orElseThrow(), c, true));
        } catch (InvalidSpecException e) {
            throw Errors.invalidPlan(label, e);
        }
        if (ahead != null) {
            ahead.prepare(specs, outer, optedOut);
        }
    }

    void addNetwork(String declaredName, Network network) {
        own(network);
        synchronized (this) {
            networks.put(declaredName, network);
        }
    }

    private void own(AutoCloseable resource) {
        synchronized (owned) {
            if (!closed) {
                owned.add(resource);
                return;
            }
        }
        try (Scope late = new Scope(label)) {
            late.add(resource);
        }
        throw new IllegalStateException(label + " has ended; " + resource + " was removed right away");
    }

    /**
     * @param name the logical name
     * @param container the container
     * @param owned whether this context removes it (false for {@link Shared} ones)
     */
    void addContainer(String name, RunningContainer container, boolean owned) {
        if (owned) {
            own(container);
        }
        synchronized (this) {
            containers.put(name, container);
        }
    }

    synchronized RunningContainer container(String name) {
        return containers.get(name);
    }

    synchronized Network network(String declaredName) {
        return networks.get(declaredName);
    }

    /** @return the containers in this context, in start order */
    synchronized List<RunningContainer> containers() {
        return List.copyOf(containers.values());
    }

    synchronized List<String> containerNames() {
        return List.copyOf(containers.keySet());
    }

    synchronized List<String> networkNames() {
        return List.copyOf(networks.keySet());
    }

    void markFailed() {
        failed.set(true);
    }

    /**
     * Removes what this context owns in core's teardown order (containers, then networks), or keeps it. A test's
     * resources whose containers were started with prepared starts ({@code berth.prepare-ahead}) are removed in the
     * background, the class awaiting them when it ends — unless one of them could not run next to the next test's
     * ({@link PreparedStarts#canPrepare}: a fixed host port, a volume, a network alias).
     */
    @Override
    public void close() {
        List<AutoCloseable> held;
        synchronized (owned) {
            closed = true;
            held = List.copyOf(owned);
            owned.clear();
        }
        if (held.isEmpty()) {
            return;
        }
        if (config.keepOnFailure() && failed.get()) {
            keep(held);
            return;
        }
        Scope scope = new Scope(label);
        held.forEach(scope::add);
        PrepareAhead background = removeIn;
        if (background != null && held.stream().allMatch(r -> !(r instanceof RunningContainer c)
                || PreparedStarts.canPrepare(c.spec()))) { // else the next test's would meet this one
            background.removeLater(scope);
        } else {
            scope.close();
        }
    }

    private void keep(List<AutoCloseable> held) {
        SessionInfo session = engine.session();
        List<String> lines = new ArrayList<>();
        lines.add("Berth kept the resources of failed " + label + " (berth.keep-on-failure=true):");
        for (AutoCloseable r : held) {
            if (r instanceof RunningContainer c) {
                engine.release(c);
                StringBuilder ports = new StringBuilder();
                c.spec().exposedPorts().forEach(p -> ports.append(' ').append(p).append("->").append(c.host())
                        .append(':').append(c.mappedPort(p)));
                lines.add("  container " + c.name() + " (" + c.id() + ")" + ports);
            } else if (r instanceof Network n) {
                engine.release(n);
                lines.add("  network " + n.name() + " (" + n.id() + ")");
            }
        }
        lines.add("Reach them with docker exec -it <name> sh; remove them later with:");
        lines.add("  docker rm -f $(docker ps -aq --filter label=" + SessionInfo.LABEL + "=" + session.id() + ")"
                + " && docker network prune --force --filter label=" + SessionInfo.LABEL + "=" + session.id());
        String text = String.join(System.lineSeparator(), lines);
        LOG.warn(text);
        try {
            Files.createDirectories(config.reportDir());
            Files.writeString(config.reportDir().resolve("kept-" + session.id() + "-"
                    + label.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt"), text + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("Could not write the keep-on-failure note to {}: {}", config.reportDir(), e.toString());
        }
    }
}
