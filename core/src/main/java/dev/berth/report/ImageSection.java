package dev.berth.report;

import java.util.List;

/**
 * An image as {@code docker image inspect} and {@code docker history} show it.
 *
 * @param reference the reference the container was started from
 * @param id the image id ({@code sha256:…})
 * @param digests repository digests
 * @param sizeBytes size in bytes, or null
 * @param created creation time (RFC 3339), or null
 * @param history layer history, newest first, as {@code docker history} lists it
 */
public record ImageSection(String reference, String id, List<String> digests, Long sizeBytes, String created,
                           List<HistoryRow> history) {
    /**
     * Copies the lists.
     * @param reference the reference the container was started from
     * @param id the image id ({@code sha256:…})
     * @param digests repository digests
     * @param sizeBytes size in bytes, or null
     * @param created creation time (RFC 3339), or null
     * @param history layer history, newest first, as {@code docker history} lists it
     */
    public ImageSection {
        digests = digests == null ? List.of() : List.copyOf(digests);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One row of {@code docker history}.
     *
     * @param id the layer's image id, or {@code <missing>}
     * @param createdEpochSeconds creation time in epoch seconds, or null
     * @param createdBy the instruction that created it (may be empty for imported images)
     * @param sizeBytes the layer size
     * @param comment the comment
     */
    public record HistoryRow(String id, Long createdEpochSeconds, String createdBy, long sizeBytes, String comment) {
    }
}
