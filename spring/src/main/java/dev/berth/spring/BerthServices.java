package dev.berth.spring;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.EngineOptions;
import dev.berth.Snapshot;
import dev.berth.RunningContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers one application context depends on: started when the context is created, registered as
 * {@code ConnectionDetails} beans, reset before each test when asked, and removed when the context closes
 * (so a context Spring caches across test classes keeps them exactly as long as it lives); a {@code shared}
 * service is referenced instead, and removed when the last context referencing it closes. Available as a
 * bean of the context; thread-safe.
 */
public final class BerthServices implements AutoCloseable {
    /** The system property naming the only Docker endpoint to use ({@link EngineOptions#DOCKER_HOST_PROPERTY}). */
    public static final String DOCKER_HOST = EngineOptions.DOCKER_HOST_PROPERTY;
    private static final Logger LOG = LoggerFactory.getLogger(BerthServices.class);

    private final Engine engine;
    private final Map<String, Service> services;
    private final SharedServices.Lease shared;

    private BerthServices(Engine engine, Map<String, Service> services, SharedServices.Lease shared) {
        this.engine = engine;
        this.services = services;
        this.shared = shared;
    }

    /**
     * Connects to the engine and starts every declared service (in parallel); takes a reference on each
     * {@code shared} one from the registry, which starts it only when no other context holds it.
     *
     * @param declarations what to start, validated
     * @param shared the registry of shared services
     * @return the started services; the caller owns them
     */
    static BerthServices start(List<Declaration> declarations, SharedServices shared) {
        Engine engine = Berth.connect(EngineOptions.fromEnvironment());
        SharedServices.Lease lease = null;
        try {
            List<Declaration> sharedOnes = declarations.stream().filter(Declaration::shared).toList();
            List<Declaration> own = declarations.stream().filter(d -> !d.shared()).toList();
            lease = sharedOnes.isEmpty() ? null : shared.acquire(sharedOnes);
            List<RunningContainer> started = engine.startAll(own.stream().map(Declaration::spec).toList());
            Map<Declaration, RunningContainer> containers = new LinkedHashMap<>();
            for (int i = 0; i < own.size(); i++) {
                containers.put(own.get(i), started.get(i));
            }
            if (lease != null) {
                containers.putAll(lease.containers());
            }
            Map<String, Service> services = new LinkedHashMap<>();
            for (Declaration d : declarations) {
                RunningContainer c = containers.get(d);
                services.put(d.field().getName(), new Service(d, c, d.resetPerTest() ? endpoint(d, c) : null));
            }
            LOG.info("Berth services for the application context: {}{}", services.keySet(),
                    sharedOnes.isEmpty() ? "" : " (shared: " + sharedOnes.stream().map(d -> d.field().getName()).toList() + ")");
            return new BerthServices(engine, services, lease);
        } catch (RuntimeException e) {
            try {
                if (lease != null) {
                    lease.close();
                }
            } finally {
                engine.close();
            }
            throw e;
        }
    }

    private static StableEndpoint endpoint(Declaration d, RunningContainer c) {
        try {
            return new StableEndpoint(d.field().getName(), address(c, d.kind()));
        } catch (IOException e) {
            throw new UncheckedIOException("Berth cannot open a loopback port for " + d.where(), e);
        }
    }

    private static InetSocketAddress address(RunningContainer c, ServiceKind kind) {
        return new InetSocketAddress(c.host(), c.mappedPort(kind.port()));
    }

    /**
     * The service as its clients see it, for registering properties of your own (a Spring
     * {@code DynamicPropertyRegistrar} bean, or a module handle such as {@code PostgresContainer.of(…)}).
     * For a {@code resetPerTest} service the service port maps to its stable endpoint, and the id is the
     * current copy's.
     *
     * @param field the {@code @BerthServiceConnection} field's name
     * @return the service's current container (after a reset, the fresh copy), or empty for an unknown name
     */
    public Optional<RunningContainer> container(String field) {
        return Optional.ofNullable(services.get(field)).map(Service::client);
    }

    /** @return the names of the declared fields, in declaration order */
    public List<String> names() {
        return List.copyOf(services.keySet());
    }

    /**
     * @return the engine this context's own services run on (owned by this object; {@code shared} services
     *     run on the same Docker endpoint, through an engine their registry owns)
     */
    public Engine engine() {
        return engine;
    }

    /** @return every service, for registering its connection details */
    List<Service> services() {
        return List.copyOf(services.values());
    }

    /** @return true when at least one service resets per test */
    boolean resets() {
        return services.values().stream().anyMatch(s -> s.declaration().resetPerTest());
    }

    /**
     * Before a test: the first time, snapshots every reset-per-test service as the context left it (its
     * seed); every later time, starts fresh copies from those snapshots and points the stable endpoints at
     * them, closing the connections to the used copies.
     *
     * @return true when copies were switched (connection pools should drop their connections)
     */
    synchronized boolean beforeTest() {
        List<Service> reset = services.values().stream().filter(s -> s.declaration().resetPerTest()).toList();
        if (reset.isEmpty()) {
            return false;
        }
        if (reset.stream().anyMatch(s -> s.snapshot == null)) {
            for (Service s : reset) {
                s.snapshot = engine.snapshot(s.current);
            }
            return false;
        }
        long t0 = System.nanoTime();
        List<RunningContainer> copies = engine.startAll(reset.stream().map(s -> s.snapshot.spec()).toList());
        List<RunningContainer> used = new ArrayList<>();
        for (int i = 0; i < reset.size(); i++) {
            Service s = reset.get(i);
            used.add(s.current);
            s.current = copies.get(i);
            s.endpoint.switchTo(address(s.current, s.declaration().kind()));
        }
        used.forEach(engine::discardLater);
        LOG.info("Berth reset {} to their snapshots in {} ms", reset.stream().map(s -> s.declaration().where()).toList(),
                (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /**
     * Removes every container, snapshot and loopback endpoint of this context, releases its references on
     * shared services (removing those no other context holds), then closes the engine. Idempotent.
     */
    @Override
    public synchronized void close() {
        try {
            for (Service s : services.values()) {
                if (s.endpoint != null) {
                    s.endpoint.close();
                }
                if (!s.declaration().shared()) {
                    s.current.close();
                }
                if (s.snapshot != null) {
                    s.snapshot.close();
                }
            }
        } finally {
            try {
                if (shared != null) {
                    shared.close();
                }
            } finally {
                engine.close();
            }
        }
        LOG.info("Berth services removed with their application context: {}", services.keySet());
    }

    /** One declared service: its declaration, current container, and (when reset per test) its endpoint. */
    static final class Service {
        private final Declaration declaration;
        private final StableEndpoint endpoint;
        private volatile RunningContainer current;
        private Snapshot snapshot;

        Service(Declaration declaration, RunningContainer current, StableEndpoint endpoint) {
            this.declaration = declaration;
            this.current = current;
            this.endpoint = endpoint;
        }

        Declaration declaration() {
            return declaration;
        }

        /** @return the current container, behind the stable endpoint when reset per test */
        RunningContainer client() {
            RunningContainer c = current;
            return endpoint == null ? c : new EndpointView(c, declaration.kind().port(), endpoint);
        }

        /** @return where clients connect: the stable endpoint when reset per test, else the container's port */
        ServiceKind.Endpoint endpoint() {
            return declaration.kind().endpoint(client());
        }
    }
}
