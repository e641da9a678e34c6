package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.ImageRef;
import dev.berth.SavedArchive;
import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes images to a {@code docker save} archive, {@code .tar} or gzip-compressed {@code .tar.gz} /
 * {@code .tgz} by the file name. The engine's stream goes straight to disk through a 1 MiB buffer, so
 * memory stays bounded whatever the image size. The archive is written next to the target under a
 * temporary name and moved into place only when complete; on failure no file is left behind.
 */
public final class ImageArchiver {
    private static final int BUFFER = 64 * 1024;
    /** Reads of the engine's stream: large enough that a 200 MB save is a few hundred reads and writes. */
    private static final int COPY_BUFFER = 1024 * 1024;
    private final DockerClient docker;

    /** @param docker the engine client */
    public ImageArchiver(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @param target the archive to write (replaced if it exists)
     * @param images the images to put in it, at least one
     * @return what was written
     */
    public SavedArchive save(Path target, List<ImageRef> images) {
        long started = System.nanoTime();
        Path file = target.toAbsolutePath().normalize();
        boolean gzip = checkTarget(file);
        if (images.isEmpty()) {
            throw new InvalidSpecException("images to save", "none", "at least one image reference",
                    "engine.save(path, ImageRef.parse(\"berth-fixtures/busybox:1\"))");
        }
        Path partial;
        try {
            partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
        } catch (AccessDeniedException e) {
            throw new BerthException(Messages.notWritable(file, file.getParent()), e);
        } catch (IOException e) {
            throw new BerthException(Messages.notWritable(file, file.getParent()), e);
        }
        try {
            long bytes = write(images, partial, gzip);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new SavedArchive(file, List.copyOf(images), bytes, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw missingImage(file, images, e)
                    .orElseGet(() -> new BerthException(Messages.saveFailed(file, String.valueOf(e.getMessage())), e));
        }
    }

    /**
     * Looks for an image the engine does not have, only once a save failed: asking up front cost every save an
     * engine call, and a fresh JVM the Jackson deserializers of its answer, before the first byte moved
     * (docs/benchmarks.md).
     */
    private Optional<BerthException> missingImage(Path file, List<ImageRef> images, Exception failure) {
        for (ImageRef image : images) {
            try {
                docker.inspectImageCmd(image.toString()).exec();
            } catch (NotFoundException e) {
                BerthException missing = new BerthException(
                        Messages.imageMissing("save images to " + file, image.toString()), e);
                missing.addSuppressed(failure);
                return Optional.of(missing);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private long write(List<ImageRef> images, Path partial, boolean gzip) throws IOException {
        SaveImagesCmd cmd = docker.saveImagesCmd();
        for (ImageRef image : images) {
            cmd = cmd.withImage(image.name(), image.tag().orElseGet(() -> image.digest().orElseThrow()));
        }
        try (InputStream in = cmd.exec();
             OutputStream file = Files.newOutputStream(partial);
             OutputStream out = gzip ? new FastGzip(file) : file) {
            byte[] buffer = new byte[COPY_BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }

    /** @return true for gzip; throws when the target cannot be written */
    static boolean checkTarget(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".tar.gz") || name.endsWith(".tgz");
        if (!gzip && !name.endsWith(".tar")) {
            throw new InvalidSpecException("archive path", file.toString(),
                    "a file name ending in .tar, .tar.gz or .tgz", "\"build/images.tar.gz\"");
        }
        Path parent = file.getParent();
        if (!Files.exists(parent)) {
            throw new BerthException(Messages.parentMissing(file, parent));
        }
        if (!Files.isDirectory(parent)) {
            throw new BerthException(Messages.parentNotDirectory(file, parent));
        }
        if (Files.isDirectory(file)) {
            throw new BerthException(Messages.targetIsDirectory(file));
        }
        if (!Files.isWritable(parent)) {
            throw new BerthException(Messages.notWritable(file, parent));
        }
        return gzip;
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            partial.toFile().deleteOnExit();
        }
    }

    /** Gzip at the fastest level: image layers are mostly compressed already, speed matters more. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
