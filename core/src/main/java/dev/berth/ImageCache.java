package dev.berth;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.berth.engine.ImageLists;
import dev.berth.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The images a CI cache directory carries between runs — snapshots Berth kept and images the caller names —
 * streamed out and in as {@code docker save} archives. Obtain it with {@link Engine#imageCache()}. Only kept
 * snapshots are ever removed by {@link #remove(CachedImage)}; a named image is only listed, saved and loaded.
 */
public final class ImageCache {
    private final DockerClient docker;

    ImageCache(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @param named further images to include when the engine has them (e.g. the suite's base images)
     * @return the kept snapshots, then the named images, each once, oldest first within each group
     */
    public List<CachedImage> list(List<ImageRef> named) {
        List<CachedImage> out = new ArrayList<>();
        for (Image i : ImageLists.list(docker.listImagesCmd().withLabelFilter(java.util.Map.of(Session.LABEL_KEEP, "true")))) {
            out.add(of(i, firstTag(i), true));
        }
        out.sort(java.util.Comparator.comparing(CachedImage::created));
        for (ImageRef ref : named) {
            try {
                var inspect = docker.inspectImageCmd(ref.toString()).exec();
                if (out.stream().noneMatch(c -> c.id().equals(inspect.getId()))) {
                    long size = inspect.getSize() == null ? -1 : inspect.getSize();
                    out.add(new CachedImage(ref.toString(), inspect.getId(), size, parse(inspect.getCreated()),
                            Optional.empty(), false));
                }
            } catch (NotFoundException absent) {
                // not on this engine: nothing to carry
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param id an image id
     * @return whether the engine holds it
     */
    public boolean has(String id) {
        try {
            docker.inspectImageCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Streams one image as a {@code docker save} archive (with its tag) into the stream; the stream stays open.
     *
     * @param image what to save
     * @param out where the archive goes
     * @throws BerthException naming the image when the engine or the stream fails
     */
    public void save(CachedImage image, OutputStream out) {
        try (InputStream in = docker.saveImageCmd(image.ref()).exec()) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            throw new BerthException("Could not save " + image.ref() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a {@code docker save} archive from the stream; the stream is read to its end.
     *
     * @param archive the archive
     * @throws BerthException when the engine refuses it
     */
    public void load(InputStream archive) {
        try {
            docker.loadImageCmd(archive).exec();
        } catch (RuntimeException e) {
            throw new BerthException("Could not load the image archive: " + e.getMessage(), e);
        }
    }

    /**
     * Removes a kept snapshot (its tags and its image).
     *
     * @param image a kept snapshot from {@link #list(List)}
     * @throws IllegalArgumentException if it is not a kept snapshot
     */
    public void remove(CachedImage image) {
        if (!image.kept()) {
            throw new IllegalArgumentException("Only kept snapshots are removed from the cache; " + image.ref()
                    + " is not one");
        }
        try {
            docker.removeImageCmd(image.id()).withForce(true).exec();
        } catch (NotFoundException gone) {
            // already gone
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Could not remove " + image.ref() + ": " + e.getMessage(), e));
        }
    }

    private static CachedImage of(Image i, String ref, boolean kept) {
        String tag = ref.contains(":") ? ref.substring(ref.lastIndexOf(':') + 1) : "";
        Optional<String> key = tag.startsWith("cache-") ? Optional.of(tag.substring("cache-".length())) : Optional.empty();
        long size = i.getSize() == null ? -1 : i.getSize();
        return new CachedImage(ref, i.getId(), size, Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()), key, kept);
    }

    private static String firstTag(Image i) {
        String[] tags = i.getRepoTags();
        return tags == null || tags.length == 0 || "<none>:<none>".equals(tags[0]) ? i.getId() : tags[0];
    }

    private static Instant parse(String created) {
        try {
            return created == null ? Instant.EPOCH : Instant.parse(created);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
