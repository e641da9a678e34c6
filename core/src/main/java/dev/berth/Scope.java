package dev.berth;

import dev.berth.cleanup.Steps;
import dev.berth.Network;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources of one scope (a test class, a test, a block of code), closed together in teardown
 * order: other resources (clients, connections) → containers → networks → images → volumes, newest
 * first within each phase. Every resource is closed even when others fail; the failures come back as
 * one {@link dev.berth.BerthException} listing each of them, with the causes suppressed. Closing
 * twice is harmless. Thread-safe.
 *
 * <pre>{@code
 * try (Scope scope = new Scope("OrderServiceTest")) {
 *     Network net = scope.add(engine.network("backend"));
 *     RunningContainer db = scope.add(engine.start(postgres.withNetwork(net.name(), "db")));
 *     ...
 * } // db removed, then net
 * }</pre>
 *
 * <p>Pass a scope to {@code Engine.discardLater(scope)} to tear it down off the critical path.
 */
public final class Scope implements AutoCloseable {
    /** Teardown phases, in the order they run. */
    public enum Phase {
        /** Anything else: clients and connections that use the containers. */
        RESOURCES,
        /** Containers: stopped per their stop policy, removed with anonymous volumes. */
        CONTAINERS,
        /** Networks. */
        NETWORKS,
        /** Snapshot and built images. */
        IMAGES,
        /** Named volumes. */
        VOLUMES
    }

    private record Entry(AutoCloseable resource, Phase phase) { }

    private final String name;
    private final List<Entry> entries = new ArrayList<>();
    private boolean closed;

    /** @param name what the scope is, for the failure message (e.g. a test class name) */
    public Scope(String name) {
        this.name = name;
    }

    /** @return the scope's name */
    public String name() {
        return name;
    }

    /**
     * Adds a resource in the phase its type implies: containers, networks, or other resources.
     *
     * @param resource what to close with the scope
     * @param <T> its type
     * @return the resource, for chaining
     */
    public <T extends AutoCloseable> T add(T resource) {
        Phase phase = resource instanceof RunningContainer ? Phase.CONTAINERS
                : resource instanceof Network ? Phase.NETWORKS : Phase.RESOURCES;
        return add(resource, phase);
    }

    /**
     * @param resource what to close with the scope
     * @param phase when to close it
     * @param <T> its type
     * @return the resource, for chaining
     * @throws IllegalStateException if the scope is already closed
     */
    public synchronized <T extends AutoCloseable> T add(T resource, Phase phase) {
        if (closed) {
            throw new IllegalStateException("Scope " + name + " is already closed; " + resource
                    + " would never be cleaned up. Add resources before closing the scope, or open a new one.");
        }
        entries.add(new Entry(java.util.Objects.requireNonNull(resource, "resource"),
                java.util.Objects.requireNonNull(phase, "phase")));
        return resource;
    }

    /** @return how many resources the scope holds */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Closes every resource in teardown order; idempotent.
     *
     * @throws dev.berth.BerthException listing every resource that failed to close
     */
    @Override
    public void close() {
        List<Entry> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(entries);
            entries.clear();
        }
        Steps steps = new Steps();
        for (Phase phase : Phase.values()) {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                Entry e = toClose.get(i);
                if (e.phase() == phase) {
                    steps.attempt("close " + e.resource(), e.resource()::close);
                }
            }
        }
        steps.throwIfFailed("scope " + name);
    }

    @Override
    public String toString() {
        return "Scope[" + name + "]";
    }
}
