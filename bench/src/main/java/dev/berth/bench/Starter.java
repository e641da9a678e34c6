package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the {@link Fixture} httpd container with one technology and returns once an HTTP GET
 * answers. Holds its engine connection until closed.
 */
public interface Starter extends AutoCloseable {
    /** @return the variant name shown in tables */
    String name();

    /**
     * @return a ready container; closing it removes it
     * @throws Exception when it cannot be started or does not become ready
     */
    Started start() throws Exception;

    /**
     * Starts {@code n} containers at once. The default runs {@link #start()} on {@code n} threads;
     * technologies with their own parallel start override it.
     *
     * @param n how many
     * @return the ready containers
     * @throws Exception the first failure (the containers that did start are removed)
     */
    default List<Started> startAll(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Started>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(this::start));
            }
            return collect(futures);
        } finally {
            pool.shutdown();
        }
    }

    /** Releases the engine connection. */
    @Override
    default void close() throws Exception {
    }

    /**
     * Waits for every future; if any failed, closes the ones that succeeded and rethrows.
     *
     * @param futures the starts in flight
     * @return the started containers
     * @throws Exception the first failure
     */
    static List<Started> collect(List<Future<Started>> futures) throws Exception {
        List<Started> started = new ArrayList<>();
        Exception failure = null;
        for (Future<Started> f : futures) {
            try {
                started.add(f.get());
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            closeAll(started);
            throw failure;
        }
        return started;
    }

    /**
     * Removes containers, all of them even when some removals fail.
     *
     * @param started what to remove
     */
    static void closeAll(List<Started> started) {
        RuntimeException failure = null;
        for (Started s : started) {
            try {
                s.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A ready container. */
    interface Started extends AutoCloseable {
        /** @return the host its port is published on */
        String host();

        /** @return the published host port of {@link Fixture#PORT} */
        int port();

        /** Stops and removes it. */
        @Override
        void close();
    }
}
