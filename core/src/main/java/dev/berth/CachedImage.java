package dev.berth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An image a CI cache carries between runs: a snapshot Berth kept, or an image named by the caller.
 *
 * @param ref its first tag, e.g. {@code berth-snapshots/db:cache-0123456789abcdef}
 * @param id the engine's image id ({@code sha256:…})
 * @param sizeBytes its size as the engine reports it
 * @param created when it was built or committed
 * @param key the snapshot cache key (the hex after {@code cache-} in the tag), if it has one
 * @param kept whether it is a snapshot Berth kept ({@code dev.berth.keep=true})
 */
public record CachedImage(String ref, String id, long sizeBytes, Instant created, Optional<String> key, boolean kept) {
    /**
     * Checks that nothing is null.
     * @param ref its first tag, e.g. {@code berth-snapshots/db:cache-0123456789abcdef}
     * @param id the engine's image id ({@code sha256:…})
     * @param sizeBytes its size as the engine reports it
     * @param created when it was built or committed
     * @param key the snapshot cache key (the hex after {@code cache-} in the tag), if it has one
     * @param kept whether it is a snapshot Berth kept ({@code dev.berth.keep=true})
     */
    public CachedImage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(key, "key");
    }
}
