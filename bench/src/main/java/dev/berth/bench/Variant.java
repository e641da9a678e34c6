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
}
