package dev.berth.spring;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code @BerthServiceConnection(shared = true)} services of several application contexts, reference-counted:
 * every context that declares a shared service of the same field name and spec gets the same container; each
 * holds a {@link Lease} until it closes; the container is removed when the last lease on it is released. The
 * engine the shared containers run on is connected for the first lease and closed with the last one, so its
 * session cleanup (a JVM shutdown hook) removes whatever is still shared at JVM exit at the latest.
 *
 * <p>Thread-safe: contexts of parallel test classes acquire concurrently; a service is started once, by the
 * first context that needs it, while the others wait for it (services of different keys start in parallel).
 */
final class SharedServices {
    private static final Logger LOG = LoggerFactory.getLogger(SharedServices.class);

    private final Supplier<Engine> connect;
    private final Object lock = new Object();
    private final Map<Key, Entry> entries = new HashMap<>();
    private Engine engine;

    /** @param connect connects the engine for the shared containers, when the first lease is taken */
    SharedServices(Supplier<Engine> connect) {
        this.connect = connect;
    }

    /**
     * Takes one reference on each declared shared service, starting those that no context holds yet.
     *
     * @param declarations shared declarations of one context
     * @return the lease on them; on failure nothing is held and the start failure is thrown as it was
     */
    Lease acquire(List<Declaration> declarations) {
        Map<Declaration, Entry> held = new LinkedHashMap<>();
        List<Entry> mine = new ArrayList<>();
        Engine on;
        synchronized (lock) {
            if (engine == null) {
                engine = connect.get();
            }
            on = engine;
            for (Declaration d : declarations) {
                Entry e = entries.computeIfAbsent(Key.of(d), k -> {
                    Entry created = new Entry(k);
                    mine.add(created);
                    return created;
                });
                e.refs++;
                held.put(d, e);
            }
        }
        Lease lease = new Lease(held);
        try {
            start(on, mine);
            Map<Declaration, RunningContainer> containers = new LinkedHashMap<>();
            held.forEach((d, e) -> containers.put(d, e.started.join()));
            lease.containers.putAll(containers);
            return lease;
        } catch (CompletionException e) {
            lease.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private void start(Engine on, List<Entry> mine) {
        if (mine.isEmpty()) {
            return;
        }
        try {
            List<RunningContainer> started = on.startAll(mine.stream().map(e -> e.key.spec()).toList());
            for (int i = 0; i < mine.size(); i++) {
                mine.get(i).started.complete(started.get(i));
            }
            LOG.info("Berth started shared services {}", mine.stream().map(e -> e.key.name()).toList());
        } catch (RuntimeException e) {
            synchronized (lock) {
                mine.forEach(m -> entries.remove(m.key, m)); // a later context tries again
            }
            mine.forEach(m -> m.started.completeExceptionally(e));
            throw e;
        }
    }

    /** @return how many shared containers are held by at least one context (for tests and logs) */
    int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    private void release(Map<Declaration, Entry> held) {
        List<Entry> unused = new ArrayList<>();
        Engine toClose = null;
        synchronized (lock) {
            for (Entry e : held.values()) {
                if (--e.refs == 0 && entries.remove(e.key, e)) {
                    unused.add(e);
                }
            }
            if (entries.isEmpty() && engine != null) {
                toClose = engine;
                engine = null;
            }
        }
        try {
            for (Entry e : unused) {
                RunningContainer c = e.started.getNow(null); // done: its starter holds a reference until the start ends
                if (c != null) {
                    c.close();
                    LOG.info("Berth removed shared service {}: no application context uses it any more", e.key.name());
                }
            }
        } finally {
            if (toClose != null) {
                toClose.close(); // removes whatever a failed removal above left
            }
        }
    }

    /** Shared services are the same when their field names and specs are (as for the JUnit extension's {@code @Shared}). */
    record Key(String name, ContainerSpec spec) {
        static Key of(Declaration d) {
            return new Key(d.field().getName(), d.spec());
        }
    }

    private static final class Entry {
        final Key key;
        final CompletableFuture<RunningContainer> started = new CompletableFuture<>();
        int refs; // guarded by SharedServices.lock

        Entry(Key key) {
            this.key = key;
        }
    }

    /** One context's references on its shared services; closing releases them once. */
    final class Lease implements AutoCloseable {
        private final Map<Declaration, Entry> held;
        private final Map<Declaration, RunningContainer> containers = new LinkedHashMap<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Map<Declaration, Entry> held) {
            this.held = held;
        }

        /** @return the shared containers by declaration, in declaration order */
        Map<Declaration, RunningContainer> containers() {
            return Collections.unmodifiableMap(containers);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(held);
            }
        }
    }
}
