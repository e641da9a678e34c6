package dev.berth.session;

import dev.berth.BerthException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered set of resources that live and die together: containers and networks of one test
 * class, one test method, or any block of code. {@link #close()} closes them newest first, keeps
 * going when one fails, and reports every failure at once. Thread-safe: resources started in
 * parallel may be added concurrently.
 *
 * <pre>{@code
 * try (Scope scope = new Scope("checkout")) {
 *     Network backend = scope.add(engine.network("backend"));
 *     RunningContainer db = scope.add(engine.start(dbSpec.withNetwork(backend.name(), "db")));
 *     ...
 * } // db removed, then backend
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    private final String name;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean closed;

    /** @param name what the scope stands for, used in the failure message (e.g. a test class name) */
    public Scope(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return what the scope stands for */
    public String name() {
        return name;
    }

    /**
     * Adds a resource; it is closed before every resource added earlier.
     *
     * @param resource the resource
     * @param <T> its type
     * @return the resource, for chaining
     * @throws IllegalStateException if the scope is already closed (the resource is closed first)
     */
    public <T extends AutoCloseable> T add(T resource) {
        Objects.requireNonNull(resource, "resource");
        synchronized (resources) {
            if (!closed) {
                resources.add(resource);
                return resource;
            }
        }
        closeQuietly(resource);
        throw new IllegalStateException("Scope " + name + " is closed; " + resource + " was closed right away");
    }

    /** @return the resources still held, oldest first */
    public List<AutoCloseable> resources() {
        synchronized (resources) {
            return List.copyOf(resources);
        }
    }

    /**
     * Removes resources from the scope without closing them (e.g. to keep them for inspection).
     *
     * @return the resources that were held, oldest first
     */
    public List<AutoCloseable> release() {
        synchronized (resources) {
            List<AutoCloseable> out = List.copyOf(resources);
            resources.clear();
            return out;
        }
    }

    /**
     * Closes every resource, newest first. Idempotent.
     *
     * @throws BerthException if any resource failed to close; each failure is a suppressed exception
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (resources) {
            closed = true;
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        List<Exception> failures = new ArrayList<>();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            BerthException e = new BerthException("Closing scope " + name + ": " + failures.size() + " of "
                    + toClose.size() + " resource(s) failed to close; first: " + failures.get(0));
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the caller is told through the IllegalStateException
        }
    }

    @Override
    public String toString() {
        return "Scope[" + name + "]";
    }
}
