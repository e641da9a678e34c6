package dev.berth.container;

import dev.berth.BerthException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds the tar archives Berth copies into containers, and unpacks those it copies out, safely. */
final class TarArchives {
    private TarArchives() {
    }

    /** Collects entries into an in-memory tar. */
    static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Builder() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        /**
         * @param name entry name relative to the extraction root, e.g. {@code etc/app/conf}
         * @param content the bytes
         * @param mode permission bits
         * @return this
         */
        Builder file(String name, byte[] content, int mode) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(content.length);
                e.setMode(0100000 | mode);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Builder directory(String name, int mode) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                e.setMode(040000 | mode);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds a host file or directory tree under {@code name}, keeping modes. */
        Builder tree(Path host, String name) {
            if (Files.isDirectory(host)) {
                directory(name, modeOf(host));
                try (Stream<Path> children = Files.list(host)) {
                    for (Path child : children.sorted().toList()) {
                        tree(child, name + "/" + child.getFileName());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return this;
            }
            try {
                return file(name, Files.readAllBytes(host), modeOf(host));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] toBytes() {
            try {
                tar.finish();
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    static int modeOf(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission perm : perms) {
                mode |= 1 << (8 - perm.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isDirectory(p) ? 0755 : 0644;
        }
    }

    /**
     * Unpacks a tar into a directory, refusing any entry (or link target) that would land outside it.
     *
     * @param archive the tar stream (not closed here)
     * @param targetDir the directory to unpack into; created if missing
     * @param origin names the archive's origin in errors, e.g. {@code "/etc of container berth-x"}
     */
    static void extract(InputStream archive, Path targetDir, String origin) {
        try {
            Path root = targetDir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            TarArchiveInputStream tar = new TarArchiveInputStream(archive);
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path dest = inside(root, e.getName(), e.getName(), origin);
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else if (e.isSymbolicLink()) {
                    inside(root, dest.getParent().resolve(e.getLinkName()).toString(),
                            e.getName() + " -> " + e.getLinkName(), origin);
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.createSymbolicLink(dest, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Path linked = inside(root, e.getLinkName(), e.getName() + " -> " + e.getLinkName(), origin);
                    Files.createDirectories(dest.getParent());
                    Files.copy(linked, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else if (e.isFile()) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(tar, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    setMode(dest, e.getMode());
                }
            }
        } catch (IOException e) {
            throw new BerthException("Could not copy " + origin + " to " + targetDir + ": " + e.getMessage(), e);
        }
    }

    private static Path inside(Path root, String name, String shown, String origin) {
        Path dest = name.startsWith("/") ? Path.of(name).normalize() : root.resolve(name).normalize();
        if (!dest.startsWith(root)) {
            throw new BerthException("Refused to copy " + origin + ": archive entry \"" + shown
                    + "\" would be written outside " + root + ". Nothing outside the target directory is written.");
        }
        return dest;
    }

    private static void setMode(Path file, int mode) {
        try {
            Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : PosixFilePermission.values()) {
                if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                    perms.add(p);
                }
            }
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException | IOException ignored) {
            // non-POSIX file system: keep the default mode
        }
    }
}
