package dev.berth;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an image's history, newest first, as {@code docker history} shows it.
 *
 * @param id the layer's image id, or {@code "<missing>"} for layers built elsewhere
 * @param created when it was created
 * @param createdBy the instruction or command that created it
 * @param size bytes the layer adds (0 for metadata-only steps)
 * @param comment the commit message or import comment, empty if none
 * @param tags the tags pointing at this layer's image, empty if none
 */
public record Layer(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {
    /**
     * Normalises nulls.
     * @param id the layer's image id, or {@code "<missing>"} for layers built elsewhere
     * @param created when it was created
     * @param createdBy the instruction or command that created it
     * @param size bytes the layer adds (0 for metadata-only steps)
     * @param comment the commit message or import comment, empty if none
     * @param tags the tags pointing at this layer's image, empty if none
     */
    public Layer {
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
