package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.SessionInfo;
import dev.berth.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

    ContextResources(Engine engine, BerthConfig config, String label) {
        this.engine = engine;
        this.config = config;
        this.label = label;
    }

    Engine engine() {
        return engine;
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

    /** Removes what this context owns in core's teardown order (containers, then networks), or keeps it. */
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
        try (Scope scope = new Scope(label)) {
            held.forEach(scope::add);
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
