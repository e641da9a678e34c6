package dev.berth.bench;

import java.util.List;

/**
 * A benchmark scenario: its variants (the first is the baseline the ratios divide by) and what a
 * measurement means.
 *
 * @param id short id used on the command line, e.g. {@code "ready"}
 * @param title the table heading
 * @param unit what one measurement is, e.g. "time until HTTP GET answers"
 * @param variants the variants, baseline first
 */
public record Scenario(String id, String title, String unit, List<Variant> variants) {
    /** Copies the list. */
    public Scenario {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("scenario " + id + " has no variants");
        }
    }
}
