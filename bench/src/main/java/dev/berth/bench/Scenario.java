package dev.berth.bench;

import java.util.List;

/**
 * A benchmark scenario: its variants (the first is the baseline the ratios divide by), what a
 * measurement means, and what its variants share (closed after them).
 *
 * @param id short id used on the command line, e.g. {@code "ready"}
 * @param title the table heading
 * @param unit what one measurement is, e.g. "time until HTTP GET answers"
 * @param variants the variants, baseline first
 * @param shared setup the variants share (a seeded database, a built image), closed last
 */
public record Scenario(String id, String title, String unit, List<Variant> variants, AutoCloseable shared) {
    /** Copies the list. */
    public Scenario {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("scenario " + id + " has no variants");
        }
        shared = shared == null ? () -> { } : shared;
    }

    /**
     * A scenario whose variants share nothing.
     *
     * @param id short id
     * @param title heading
     * @param unit what a measurement is
     * @param variants baseline first
     */
    public Scenario(String id, String title, String unit, List<Variant> variants) {
        this(id, title, unit, variants, null);
    }
}
