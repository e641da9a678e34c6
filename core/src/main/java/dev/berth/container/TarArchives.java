package dev.berth.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds the tar archives Berth copies into containers ({@link SafeExtraction} unpacks those it copies out). */
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

    static void setMode(Path file, int mode) {
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
