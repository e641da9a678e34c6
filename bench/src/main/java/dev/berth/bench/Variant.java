package dev.berth.bench;

/**
 * One way of doing a scenario's work (raw docker-java, docker CLI, Testcontainers, Berth). The
 * harness calls {@link #measure()} once per iteration, interleaved with the other variants.
 */
public interface Variant extends AutoCloseable {
    /** @return the short name shown in the table, e.g. {@code "raw docker-java"} */
    String name();

    /**
     * Does the work once, cleaning up whatever it created (also on failure).
     *
     * @return the measured time in nanoseconds (the variant decides what is on the clock)
     * @throws Exception when the work fails; the harness reports it and stops
     */
    long measure() throws Exception;

    /** Releases what the variant holds across iterations (an engine connection). */
    @Override
    default void close() throws Exception {
    }

    /**
     * @param name the table name
     * @param body the work; its wall time is the measurement
     * @return a variant timing the whole body
     */
    static Variant timed(String name, Work body) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long measure() throws Exception {
                long t0 = System.nanoTime();
                body.run();
                return System.nanoTime() - t0;
            }
        };
    }

    /** A piece of work that may throw. */
    @FunctionalInterface
    interface Work {
        /** @throws Exception on failure */
        void run() throws Exception;
    }
}
