package dev.berth.container;

import dev.berth.http.WritableBody;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds the tar archives Berth copies into containers ({@link SafeExtraction} unpacks those it copies out). */
final class TarArchives {
    private TarArchives() {
    }

    /**
     * The entries of a tar to copy into a container. Nothing is read when an entry is added beyond a
     * directory listing and a file's size: {@link #stream()} writes the archive as the engine reads it,
     * so copying a file of any size holds no more than a pipe buffer in memory.
     */
    static final class Builder {
        /** How much of the archive may wait between the writer and the engine's reader. */
        private static final int PIPE_BYTES = 1024 * 1024;
        /** How much of a host file is read at a time. */
        private static final int COPY_BYTES = 1024 * 1024;
        /** The tar's block: what it pads the archive's end to, and the size of its writes below. */
        private static final int BLOCK_BYTES = 64 * 1024;

        private final List<Entry> entries = new ArrayList<>();

        /** One archive entry, written when the archive streams. */
        private interface Entry {
            void writeTo(TarArchiveOutputStream tar) throws IOException;
        }

        /**
         * @param name entry name relative to the extraction root, e.g. {@code etc/app/conf}
         * @param content the bytes
         * @param mode permission bits
         * @return this
         */
        Builder file(String name, byte[] content, int mode) {
            entries.add(tar -> {
                tar.putArchiveEntry(entry(name, content.length, mode));
                tar.write(content);
                tar.closeArchiveEntry();
            });
            return this;
        }

        /**
         * @param name entry name relative to the extraction root
         * @param host a regular file on the host, read when the archive streams
         * @param mode permission bits
         * @return this
         */
        Builder file(String name, Path host, int mode) {
            long size;
            try {
                size = Files.size(host);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.add(tar -> {
                tar.putArchiveEntry(entry(name, size, mode));
                try (InputStream in = Files.newInputStream(host)) {
                    long copied = copy(in, tar);
                    if (copied != size) {
                        throw new IOException(host + " changed size while it was copied (" + size + " bytes, then "
                                + copied + ")");
                    }
                }
                tar.closeArchiveEntry();
            });
            return this;
        }

        /** Copies through {@link #COPY_BYTES} at a time: a few hundred calls down the tar stream, not 25,000. */
        private static long copy(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[COPY_BYTES];
            long copied = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                copied += n;
            }
            return copied;
        }

        Builder directory(String name, int mode) {
            entries.add(tar -> {
                TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                e.setMode(040000 | mode);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            });
            return this;
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
            return file(name, host, modeOf(host));
        }

        /**
         * Writes the whole archive.
         *
         * @param out where to; closed once the archive is complete, left open when writing fails (so the caller
         *     can record the failure before the reader sees the end of the stream)
         * @throws IOException if a host file cannot be read or the stream refuses the bytes
         */
        void writeTo(OutputStream out) throws IOException {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out, BLOCK_BYTES);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                e.writeTo(tar);
            }
            tar.finish();
            tar.close();
        }

        /**
         * @return the archive as a body that writes itself into a transport that knows {@link WritableBody} (no
         *     thread, no pipe; a host file gone fails it with a {@link WritableBody.SourceFailure}), and is otherwise
         *     written by a background thread while it is read ({@link #piped()})
         */
        InputStream stream() {
            return new ArchiveBody(this);
        }

        /**
         * @return the archive, written by a background thread while it is read; a failure to write it (a host
         *     file gone) surfaces as an {@link IOException} from {@code read}; closing the stream early stops
         *     the writer
         */
        InputStream piped() {
            PipedInputStream in = new PipedInputStream(PIPE_BYTES);
            PipedOutputStream out;
            try {
                out = new PipedOutputStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AtomicReference<IOException> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    writeTo(out);
                } catch (IOException | RuntimeException e) {
                    // recorded before the pipe closes, so the reader never takes a cut archive for a whole one
                    failure.set(e instanceof IOException io ? io : new IOException(e));
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // the reader sees the failure instead
                    }
                }
            }, "berth-tar-writer");
            writer.setDaemon(true);
            writer.start();
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    return b < 0 ? endOfArchive() : b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    return n < 0 ? endOfArchive() : n;
                }

                private int endOfArchive() throws IOException {
                    IOException e = failure.get();
                    if (e != null) {
                        throw new IOException("Cannot write the archive to copy in: " + e.getMessage(), e);
                    }
                    return -1;
                }
            };
        }

        private static TarArchiveEntry entry(String name, long size, int mode) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(size);
            e.setMode(0100000 | mode);
            return e;
        }
    }

    /** The archive of a {@link Builder}: written into the transport, or piped from a writer thread once read. */
    private static final class ArchiveBody extends InputStream implements WritableBody {
        private final Builder builder;
        private InputStream piped;
        private boolean written;

        ArchiveBody(Builder builder) {
            this.builder = builder;
        }

        @Override
        public synchronized void writeTo(OutputStream out) throws IOException {
            if (piped != null || written) {
                throw new IllegalStateException("The archive is already being read");
            }
            written = true;
            SinkWatch sink = new SinkWatch(out);
            try {
                builder.writeTo(sink);
            } catch (IOException | RuntimeException e) {
                if (sink.failed) {
                    throw e;
                }
                throw new WritableBody.SourceFailure("Cannot write the archive to copy in: " + e.getMessage(), e);
            }
        }

        @Override
        public int read() throws IOException {
            return piped().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return piped().read(b, off, len);
        }

        @Override
        public synchronized void close() throws IOException {
            if (piped != null) {
                piped.close();
            }
        }

        private synchronized InputStream piped() {
            if (written) {
                throw new IllegalStateException("The archive was already written");
            }
            if (piped == null) {
                piped = builder.piped();
            }
            return piped;
        }
    }

    /** Tells the transport's failures (the engine closed) from the archive's own (a host file gone). */
    private static final class SinkWatch extends FilterOutputStream {
        private boolean failed;

        SinkWatch(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            watched(() -> out.write(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            watched(out::flush);
        }

        @Override
        public void close() throws IOException {
            watched(out::close);
        }

        private void watched(IoStep step) throws IOException {
            try {
                step.run();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        private interface IoStep {
            void run() throws IOException;
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
