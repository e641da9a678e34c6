package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.FileCopy;
import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies files into and out of a container through tar archives. */
final class ContainerFiles {
    /** Where archives come from and go to: the engine, or a test's crafted stream. */
    interface Archives {
        InputStream read(String containerId, String path);

        /** Sends the tar, reading it to the end; the caller closes it. */
        void write(String containerId, InputStream tar);
    }

    private final Archives archives;

    ContainerFiles(DockerClient docker) {
        this(new Archives() {
            @Override
            public InputStream read(String containerId, String path) {
                return docker.copyArchiveFromContainerCmd(containerId, path).exec();
            }

            @Override
            public void write(String containerId, InputStream tar) {
                docker.copyArchiveToContainerCmd(containerId).withRemotePath("/").withTarInputStream(tar).exec();
            }
        });
    }

    ContainerFiles(Archives archives) {
        this.archives = archives;
    }

    /** Copies the spec's files in, in one archive (before start). */
    void copyIn(String containerId, List<FileCopy> files) {
        if (files.isEmpty()) {
            return;
        }
        TarArchives.Builder tar = new TarArchives.Builder();
        for (FileCopy f : files) {
            String name = f.containerPath().substring(1);
            if (f.content() instanceof FileCopy.HostFile h) {
                tar.file(name, regularFile(h.path()), f.mode());
            } else {
                tar.file(name, bytes(f.content()), f.mode());
            }
        }
        write(containerId, tar);
    }

    void copyIn(String containerId, Path hostPath, String containerPath) {
        if (hostPath == null || !Files.exists(hostPath)) {
            throw new InvalidSpecException("path to copy", String.valueOf(hostPath), "an existing file or directory",
                    "Path.of(\"src/test/resources/conf\")");
        }
        if (containerPath == null || !containerPath.startsWith("/") || containerPath.equals("/")) {
            throw new InvalidSpecException("copy target", String.valueOf(containerPath),
                    "an absolute path inside the container, other than /", "\"/etc/app\"");
        }
        String name = containerPath.replaceAll("/+$", "").substring(1);
        write(containerId, new TarArchives.Builder().tree(hostPath, name));
    }

    /** Streams the archive to the engine; the writer stops when the stream closes, also on failure. */
    private void write(String containerId, TarArchives.Builder tar) {
        try (InputStream in = tar.stream()) {
            archives.write(containerId, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void copyOut(String containerId, String containerName, String containerPath, Path hostDir) {
        if (containerPath == null || !containerPath.startsWith("/")) {
            throw new InvalidSpecException("path to copy out", String.valueOf(containerPath),
                    "an absolute path inside the container", "\"/var/log/app\"");
        }
        String origin = containerPath + " of container " + containerName;
        try (InputStream tar = archives.read(containerId, containerPath)) {
            SafeExtraction.extract(tar, hostDir, origin, parentOf(containerPath));
        } catch (NotFoundException e) {
            throw new BerthException("Cannot copy " + origin + ": no such file or directory (or the container is"
                    + " gone).", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the container directory a copy-out's target stands for: {@code /} for {@code /etc}, {@code /z} for {@code /z/y} */
    static String parentOf(String containerPath) {
        Path parent = Path.of(containerPath).normalize().getParent();
        return parent == null ? "/" : parent.toString();
    }

    private static Path regularFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidSpecException("file to copy", path.toString(), "an existing regular file",
                    "Path.of(\"src/test/resources/init.sql\")");
        }
        return path;
    }

    static byte[] bytes(FileCopy.Content content) {
        try {
            if (content instanceof FileCopy.Bytes b) {
                return b.bytes();
            }
            if (content instanceof FileCopy.HostFile h) {
                return Files.readAllBytes(regularFile(h.path()));
            }
            String name = ((FileCopy.ClasspathResource) content).name();
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            InputStream in = cl == null ? null : cl.getResourceAsStream(name);
            if (in == null) {
                in = ContainerFiles.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new InvalidSpecException("classpath resource to copy", name,
                        "a resource on the test classpath", "\"db/init.sql\"");
            }
            try (InputStream r = in) {
                return r.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
