package dev.berth.report;

import java.util.List;

/**
 * Everything collected about one container. A section that could not be collected is null and named
 * in {@link FailureReport#notCollected()}.
 *
 * @param label how the test knows the container (its logical name, else its engine name)
 * @param container inspect data, or null
 * @param image image data, or null
 * @param logs the last log lines (masked)
 * @param stats one resource sample for a running container, or null
 */
public record ContainerReport(String label, ContainerSection container, ImageSection image, List<String> logs,
                              StatsSection stats) {
    /**
     * Copies the list.
     * @param label how the test knows the container (its logical name, else its engine name)
     * @param container inspect data, or null
     * @param image image data, or null
     * @param logs the last log lines (masked)
     * @param stats one resource sample for a running container, or null
     */
    public ContainerReport {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }
}
