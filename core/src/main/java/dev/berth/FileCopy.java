package dev.berth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file copied into a container before it starts.
 *
 * @param containerPath absolute path inside the container
 * @param content where the bytes come from
 * @param mode POSIX permission bits, e.g. {@code 0644}
 */
public record FileCopy(String containerPath, Content content, int mode) {

    /** Where the bytes of a copied file come from. */
    public sealed interface Content permits HostFile, ClasspathResource, Bytes { }

    /** @param path a file on the host */
    public record HostFile(Path path) implements Content { }

    /** @param name a classpath resource name, e.g. {@code "nginx/index.html"} */
    public record ClasspathResource(String name) implements Content { }

    /**
     * The content itself; equal when the bytes are (a record compares arrays by identity otherwise).
     *
     * @param bytes the content itself
     */
    public record Bytes(byte[] bytes) implements Content {
        /**
         * Copies the bytes, so later changes to the caller's array do not change the value.
         *
         * @param bytes the content itself
         */
        public Bytes {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
        }

        /** @return a copy of the content */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** @return the size, not the content (it may be large or secret) */
        @Override
        public String toString() {
            return "Bytes[" + bytes.length + " bytes]";
        }
    }

    /**
     * Validates.
     * @param containerPath absolute path inside the container
     * @param content where the bytes come from
     * @param mode POSIX permission bits, e.g. {@code 0644}
     */
    public FileCopy {
        Objects.requireNonNull(content, "content");
        if (containerPath == null || !containerPath.startsWith("/") || containerPath.endsWith("/")) {
            throw new InvalidSpecException("file copy target", String.valueOf(containerPath),
                    "an absolute file path inside the container", "\"/usr/share/nginx/html/index.html\"");
        }
        if (mode < 0 || mode > 07777) {
            throw new InvalidSpecException("file mode", Integer.toOctalString(mode), "octal 0000 to 7777",
                    "0644");
        }
        if (content instanceof HostFile h && !Files.isRegularFile(h.path())) {
            throw new InvalidSpecException("file to copy", h.path().toString(), "an existing regular file",
                    "Path.of(\"src/test/resources/init.sql\")");
        }
        if (content instanceof ClasspathResource r
                && Thread.currentThread().getContextClassLoader().getResource(r.name()) == null
                && FileCopy.class.getClassLoader().getResource(r.name()) == null) {
            throw new InvalidSpecException("classpath resource to copy", r.name(),
                    "a resource on the test classpath", "\"db/init.sql\"");
        }
    }
}
