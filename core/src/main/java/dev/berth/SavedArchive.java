package dev.berth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@code docker save} archive written by {@link Engine#save(Path, ImageRef...)}.
 *
 * @param path the archive file, absolute
 * @param images the images it holds, in the order given
 * @param bytes its size on disk
 * @param took how long writing it took
 */
public record SavedArchive(Path path, List<ImageRef> images, long bytes, Duration took) {
    /**
     * Copies the image list; nothing may be null.
     *
     * @param path the archive file, absolute
     * @param images the images it holds, in the order given
     * @param bytes its size on disk
     * @param took how long writing it took
     */
    public SavedArchive {
        Objects.requireNonNull(path, "path");
        images = List.copyOf(images);
        Objects.requireNonNull(took, "took");
    }
}
