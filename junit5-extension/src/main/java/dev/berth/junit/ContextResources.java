package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.session.Scope;
import dev.berth.session.Session;
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
final class ContextResources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContextResources.class);

    private final Engine engine;
    private final BerthConfig config;
    private final Scope scope;
    private final Map<String, RunningContainer> containers = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final AtomicBoolean failed = new AtomicBoolean();

    ContextResources(Engine engine, BerthConfig config, String label) {
        this.engine = engine;
        this.config = config;
        this.scope = new Scope(label);
    }

    Engine engine() {
        return engine;
    }

    void addNetwork(String declaredName, Network network) {
        scope.add(network);
        synchronized (this) {
            networks.put(declaredName, network);
        }
    }

    /**
     * @param name the logical name
     * @param container the container
     * @param owned whether this context removes it (false for {@link Shared} ones)
     */
    void addContainer(String name, RunningContainer container, boolean owned) {
        if (owned) {
            scope.add(container);
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

    synchronized List<String> containerNames() {
        return List.copyOf(containers.keySet());
    }

    synchronized List<String> networkNames() {
        return List.copyOf(networks.keySet());
    }

    void markFailed() {
        failed.set(true);
    }

    @Override
    public void close() {
        if (config.keepOnFailure() && failed.get()) {
            keep();
        } else {
            scope.close();
        }
    }

    private void keep() {
        List<AutoCloseable> held = scope.release();
        if (held.isEmpty()) {
            return;
        }
        Session session = engine.session();
        List<String> lines = new ArrayList<>();
        lines.add("Berth kept the resources of failed " + scope.name() + " (berth.keep-on-failure=true):");
        for (AutoCloseable r : held) {
            if (r instanceof RunningContainer c) {
                session.forget(Session.Kind.CONTAINER, c.id());
                StringBuilder ports = new StringBuilder();
                c.spec().exposedPorts().forEach(p -> ports.append(' ').append(p).append("->").append(c.host())
                        .append(':').append(c.mappedPort(p)));
                lines.add("  container " + c.name() + " (" + c.id() + ")" + ports);
            } else if (r instanceof Network n) {
                session.forget(Session.Kind.NETWORK, n.id());
                lines.add("  network " + n.name() + " (" + n.id() + ")");
            }
        }
        lines.add("Reach them with docker exec -it <name> sh; remove them later with:");
        lines.add("  docker rm -f $(docker ps -aq --filter label=" + Session.LABEL_SESSION + "=" + session.id() + ")"
                + " && docker network prune --force --filter label=" + Session.LABEL_SESSION + "=" + session.id());
        String text = String.join(System.lineSeparator(), lines);
        LOG.warn(text);
        try {
            Files.createDirectories(config.reportDir());
            Files.writeString(config.reportDir().resolve("kept-" + session.id() + "-"
                    + scope.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt"), text + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("Could not write the keep-on-failure note to {}: {}", config.reportDir(), e.toString());
        }
    }
}
