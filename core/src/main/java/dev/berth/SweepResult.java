package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Leftovers#remove(List)} removed and what it could not.
 *
 * @param removed the leftovers now gone
 * @param failures one line per removal that failed, naming the resource and the cause
 * @param took how long the removals took
 */
public record SweepResult(List<LeftoverResource> removed, List<String> failures, Duration took) {
    /**
     * Copies the lists.
     * @param removed the leftovers now gone
     * @param failures one line per removal that failed, naming the resource and the cause
     * @param took how long the removals took
     */
    public SweepResult {
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
    }
}
