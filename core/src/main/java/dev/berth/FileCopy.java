package dev.berth;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** @param bytes the content itself */
    public record Bytes(byte[] bytes) implements Content { }

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
