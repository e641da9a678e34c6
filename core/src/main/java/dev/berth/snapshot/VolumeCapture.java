package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the content of a container's volumes into an image. {@code docker commit} leaves volumes
 * out, so the content of each volume path is read as a tar archive (streamed to a temporary file,
 * while the container is paused) and added on top of the commit with a one-step build,
 * {@code ADD vN.tar <parent of the path>/}. The layer holds the files at the volume path itself:
 * when a container is created from the image, the engine copies them into its fresh anonymous
 * volume, so a restored container needs no restore step and no shell.
 */
final class VolumeCapture implements AutoCloseable {
    private static final long BUILD_TIMEOUT_MINUTES = 30;
    /** Reads of a volume with tar in the container, when files keep changing while tar reads them. */
    static final int TAR_READS = 5;
    /** The pause before the second read; the n-th read waits n - 1 times as long. */
    static final Duration TAR_READ_PAUSE = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(VolumeCapture.class);

    private final DockerClient docker;
    private final Path dir;
    private final List<String> paths = new ArrayList<>();

    VolumeCapture(DockerClient docker) {
        this.docker = docker;
        try {
            this.dir = Files.createTempDirectory("berth-snapshot-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the volume content", e);
        }
    }

    /**
     * Streams the content of one volume path to a temporary archive.
     *
     * @param containerId the (paused) container
     * @param path the volume's absolute path in the container
     * @throws IOException if the temporary file cannot be written
     */
    void read(String containerId, String path) throws IOException {
        Path archive = dir.resolve("v" + paths.size() + ".tar");
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
            Files.copy(in, archive);
        }
        paths.add(path);
    }

    /**
     * Streams the content of one volume path to a temporary archive written by {@code tar} inside the (running)
     * container: the same layout as the engine's archive endpoint ({@code <name>/...}), with the files' owners,
     * which Podman's archive endpoint replaces by the caller's. The container still runs, so a service may write
     * while tar reads: GNU tar then exits 1 ("file changed as we read it") and its archive holds a torn copy.
     * Such a read is thrown away and done again, after a pause and {@code settle} (the snapshot's prepare
     * step), up to {@link #TAR_READS} reads in all.
     *
     * @param containerId the running container
     * @param path the volume's absolute path in the container
     * @param engine the engine, as errors name it
     * @param settle run before each read again, to get the service to stop writing
     * @throws IOException if the temporary file cannot be written, tar fails in the container, or every read
     *     found files changing
     */
    void readWithTar(String containerId, String path, String engine, Runnable settle) throws IOException {
        Path archive = dir.resolve("v" + paths.size() + ".tar");
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String name = p.substring(p.lastIndexOf('/') + 1);
        List<String> command = List.of("tar", "-cf", "-", "-C", parentOf(p), name);
        for (int read = 1; ; read++) {
            Exec.Result tar = tar(containerId, path, command, archive);
            if (tar.exitCode() == 0) {
                break;
            }
            String detail = tar.output().strip();
            if (tar.exitCode() != 1) {
                throw new IOException("cannot read volume " + path + " on " + engine + ": its Docker API hands out a"
                        + " container's files as owned by the caller, so Berth runs `" + String.join(" ", command)
                        + "` in the container, which exited " + tar.exitCode()
                        + (detail.isEmpty() ? "" : " (" + detail + ")")
                        + "; the image needs tar on its PATH for a snapshot with volumes on this engine");
            }
            if (read == TAR_READS) {
                throw new IOException(Messages.volumeKeptChanging(path, engine, command, TAR_READS, detail));
            }
            LOG.info("Volume {} changed while tar read it ({}); reading it again", path, detail);
            try {
                Thread.sleep(TAR_READ_PAUSE.toMillis() * read);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading volume " + path, e);
            }
            settle.run();
        }
        paths.add(path);
    }

    /** Runs tar in the container once, its stdout into the archive (overwritten); the output is its stderr. */
    private Exec.Result tar(String containerId, String path, List<String> command, Path archive) throws IOException {
        StringBuilder errors = new StringBuilder();
        IOException[] failed = new IOException[1];
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        try (OutputStream out = Files.newOutputStream(archive)) {
            boolean done = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                        try {
                            out.write(frame.getPayload());
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    } else {
                        synchronized (errors) {
                            errors.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }).awaitCompletion(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                throw new IOException("reading volume " + path + " with tar in the container took over "
                        + BUILD_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading volume " + path, e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        synchronized (errors) {
            return new Exec.Result(exit == null ? -1 : exit, errors.toString());
        }
    }

    /**
     * Builds {@code FROM base} plus one {@code ADD} per volume read.
     *
     * @param baseImageId the commit to build on
     * @param root prefix for the volume paths in the layer: empty to add the content at the volume
     *     paths themselves, {@link TmpfsRestore#ROOT} to keep it aside for a tmpfs restore
     * @return the new image id
     * @throws IOException if the build context cannot be written
     */
    String buildOn(String baseImageId, String root) throws IOException {
        Path context = dir.resolve("context.tar");
        StringBuilder dockerfile = new StringBuilder("FROM ").append(baseImageId).append('\n');
        for (int i = 0; i < paths.size(); i++) {
            dockerfile.append("ADD v").append(i).append(".tar ").append(root).append(parentOf(paths.get(i))).append('\n');
        }
        try (OutputStream out = Files.newOutputStream(context);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] text = dockerfile.toString().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry df = new TarArchiveEntry("Dockerfile");
            df.setSize(text.length);
            tar.putArchiveEntry(df);
            tar.write(text);
            tar.closeArchiveEntry();
            for (int i = 0; i < paths.size(); i++) {
                Path archive = dir.resolve("v" + i + ".tar");
                TarArchiveEntry e = new TarArchiveEntry("v" + i + ".tar");
                e.setSize(Files.size(archive));
                tar.putArchiveEntry(e);
                Files.copy(archive, tar);
                tar.closeArchiveEntry();
                Files.delete(archive);
            }
        }
        try (InputStream in = Files.newInputStream(context)) {
            return docker.buildImageCmd(in).withForcerm(true).withPull(false)
                    .exec(new BuildImageResultCallback()).awaitImageId(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        }
    }

    /** @return the volume paths read so far */
    List<String> paths() {
        return List.copyOf(paths);
    }

    static String parentOf(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash) + "/";
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
