package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import dev.berth.Snapshot;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.engine.ContainerStatus;
import dev.berth.RunningContainer;
import dev.berth.engine.EngineKind;
import dev.berth.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits running containers to {@code berth-snapshots/<name>:<hash>} images, with the content of
 * their volumes (see {@link VolumeCapture}), labelled for the session's cleanup unless kept.
 */
public final class Snapshotter {
    /** Repository prefix of every snapshot image. */
    public static final String REPOSITORY = "berth-snapshots/";
    /** Label: the name of the container a snapshot was taken from. */
    public static final String LABEL_SOURCE = "dev.berth.snapshot.source";
    /** Label: the volume paths whose content a snapshot carries, comma-separated. */
    public static final String LABEL_VOLUMES = "dev.berth.snapshot.volumes";
    /** Label: how volume content comes back, {@code tmpfs} or {@code volume}. */
    public static final String LABEL_RESTORE = "dev.berth.snapshot.restore";
    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);

    private final DockerClient docker;
    private final Session session;
    private final Supplier<EngineKind> kind;

    /**
     * @param docker the engine client
     * @param session labels the images and records those not kept
     */
    public Snapshotter(DockerClient docker, Session session) {
        this(docker, session, EngineKind.lazy(docker));
    }

    /**
     * @param docker the engine client
     * @param session labels the images and records those not kept
     * @param kind the engine's kind, asked only for a snapshot with volumes (Podman's are read differently)
     */
    public Snapshotter(DockerClient docker, Session session, Supplier<EngineKind> kind) {
        this.docker = docker;
        this.session = session;
        this.kind = kind;
    }

    /**
     * @param container a running container
     * @param options how to capture it
     * @return the snapshot
     */
    public Snapshot snapshot(RunningContainer container, SnapshotOptions options) {
        long started = System.nanoTime();
        InspectContainerResponse state = inspect(container);
        List<String> volumes = options.captureVolumes() ? volumePaths(state) : List.of();
        List<String> prepareCommand = options.prepareCommand().isEmpty() ? container.spec().snapshotPrepare()
                : options.prepareCommand();
        if (!prepareCommand.isEmpty()) {
            prepare(container, prepareCommand);
        }
        boolean tmpfs = !volumes.isEmpty() && options.tmpfsRestore() && TmpfsRestore.possible(docker, state);
        String comment = options.comment().orElse("berth snapshot of " + container.name());
        boolean pauseHere = options.pause() && !Boolean.TRUE.equals(state.getState().getPaused()) && canPause(container);
        String commitId = null;
        // Podman's archive endpoint gives every file to the caller (uid 0): its volumes are read with tar inside
        // the container instead, which a paused container cannot run, so before the pause (after the prepare step);
        // a read that finds files changing is done again after the prepare step runs again
        boolean readInside = !volumes.isEmpty() && kind.get().podman();
        Runnable settle = () -> {
            if (!prepareCommand.isEmpty()) {
                prepare(container, prepareCommand);
            }
        };
        try (VolumeCapture capture = new VolumeCapture(docker)) {
            if (readInside) {
                for (String path : volumes) {
                    capture.readWithTar(container.id(), path, kind.get().describe(), settle);
                }
            }
            if (pauseHere) {
                docker.pauseContainerCmd(container.id()).exec();
            }
            try {
                commitId = Commit.commit(docker, container.id(), comment, labels(container, state, options, volumes, tmpfs));
                for (String path : readInside ? List.<String>of() : volumes) {
                    capture.read(container.id(), path);
                }
            } finally {
                if (pauseHere) {
                    docker.unpauseContainerCmd(container.id()).exec();
                }
            }
            String imageId = volumes.isEmpty() ? commitId : capture.buildOn(commitId, tmpfs ? TmpfsRestore.ROOT : "");
            String id = imageId;
            ImageRef ref = options.tag().orElseGet(
                    () -> ImageRef.parse(REPOSITORY + repositoryName(container) + ":" + Messages.shortId(id)));
            docker.tagImageCmd(imageId, ref.name(), ref.tag().orElse("latest")).exec();
            if (!options.keep()) {
                session.record(Session.Kind.IMAGE, imageId, ref.toString());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Snapshot of {} saved as {} ({} volume(s){}, {} ms)", container.name(), ref, volumes.size(),
                    tmpfs ? " restored into tmpfs" : "", took.toMillis());
            ContainerSpec restore = tmpfs
                    ? TmpfsRestore.spec(container.spec(), ref, volumes, TmpfsRestore.effectiveCommand(state))
                    : container.spec().withImage(ref);
            return new DockerSnapshot(docker, session, ref, imageId, container.spec(), restore, volumes, tmpfs,
                    options.keep(), took);
        } catch (IOException | UncheckedIOException | DockerException e) {
            removeQuietly(commitId);
            throw new BerthException(Messages.captureFailed(container.name(), e.getMessage()), e);
        }
    }

    /**
     * An engine without a cgroup per container (rootless Docker on cgroup v1) has no freezer: "cannot toggle
     * freezer". There the capture runs after the prepare step without a pause, and the log says so.
     */
    private boolean canPause(RunningContainer container) {
        EngineKind k = kind.get();
        if (k.cgroupPerContainer()) {
            return true;
        }
        LOG.warn("Snapshot of {} is taken without pausing it: {} cannot pause a container (no freezer cgroup "
                + "without a cgroup driver); its prepare step ran first, keep clients idle during the capture",
                container.name(), k.describe());
        return false;
    }

    /**
     * Opens a snapshot image that already exists (e.g. one kept by an earlier run) as a {@link Snapshot}
     * restoring into the given spec, reading how to restore from the image's labels.
     *
     * @param image a snapshot image made by {@link #snapshot}
     * @param source the spec to restore on the image (ports, env, networks, aliases…)
     * @return the snapshot, or empty when the engine has no such image
     */
    public java.util.Optional<Snapshot> open(ImageRef image, ContainerSpec source) {
        com.github.dockerjava.api.command.InspectImageResponse info;
        try {
            info = docker.inspectImageCmd(image.toString()).exec();
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
        Map<String, String> labels = info.getConfig() == null || info.getConfig().getLabels() == null
                ? Map.of() : info.getConfig().getLabels();
        String volumesLabel = labels.getOrDefault(LABEL_VOLUMES, "");
        List<String> volumes = volumesLabel.isEmpty() ? List.of() : List.of(volumesLabel.split(","));
        boolean tmpfs = "tmpfs".equals(labels.get(LABEL_RESTORE)) && !volumes.isEmpty();
        List<String> command = new ArrayList<>();
        if (info.getConfig().getEntrypoint() != null) {
            command.addAll(List.of(info.getConfig().getEntrypoint()));
        }
        if (info.getConfig().getCmd() != null) {
            command.addAll(List.of(info.getConfig().getCmd()));
        }
        ContainerSpec restore = tmpfs ? TmpfsRestore.spec(source, image, volumes, command) : source.withImage(image);
        boolean kept = "true".equals(labels.get(Session.LABEL_KEEP));
        if (!kept) {
            session.record(Session.Kind.IMAGE, info.getId(), image.toString());
        }
        return java.util.Optional.of(new DockerSnapshot(docker, session, image, info.getId(), source, restore, volumes, tmpfs,
                kept, Duration.ZERO));
    }

    private InspectContainerResponse inspect(RunningContainer container) {
        InspectContainerResponse state;
        try {
            state = docker.inspectContainerCmd(container.id()).exec();
        } catch (NotFoundException e) {
            throw new BerthException(Messages.gone(container.name(), container.id()), e);
        }
        InspectContainerResponse.ContainerState s = state.getState();
        if (!Boolean.TRUE.equals(s.getRunning())) {
            String status = ContainerStatus.of(s);
            boolean exited = "exited".equals(status) || "dead".equals(status);
            throw new BerthException(Messages.notRunning(container.name(), status, exited && s.getExitCodeLong() != null ? Integer.valueOf(s.getExitCodeLong().intValue()) : null));
        }
        return state;
    }

    private static List<String> volumePaths(InspectContainerResponse state) {
        List<String> paths = new ArrayList<>();
        if (state.getMounts() != null) {
            state.getMounts().stream()
                    .filter(m -> m.getName() != null && !m.getName().isEmpty() && m.getDestination() != null)
                    .map(m -> m.getDestination().getPath())
                    .sorted(Comparator.naturalOrder())
                    .forEach(paths::add);
        }
        return paths;
    }

    private Map<String, String> labels(RunningContainer container, InspectContainerResponse state,
                                       SnapshotOptions options, List<String> volumes, boolean tmpfs) {
        Map<String, String> labels = new LinkedHashMap<>(session.labels());
        Map<String, String> inherited = state.getConfig().getLabels();
        if (options.keep()) {
            labels.put(Session.LABEL_KEEP, "true");
        } else if (inherited != null && inherited.containsKey(Session.LABEL_KEEP)) {
            labels.put(Session.LABEL_KEEP, "false"); // a commit inherits labels: never pass "keep" on by accident
        }
        labels.put(LABEL_SOURCE, container.name());
        labels.put(LABEL_VOLUMES, String.join(",", volumes));
        labels.put(LABEL_RESTORE, tmpfs ? "tmpfs" : "volume");
        return labels;
    }

    private void prepare(RunningContainer container, List<String> command) {
        Exec.Result result = Exec.run(docker, container.id(), command);
        if (result.exitCode() != 0) {
            throw new BerthException(Messages.prepareFailed(container.name(), command, result.exitCode(), result.output()));
        }
    }

    static String repositoryName(RunningContainer container) {
        String base = container.spec().name().orElse(container.spec().image().repository());
        String last = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String clean = last.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return clean.isEmpty() ? "container" : clean;
    }

    private void removeQuietly(String imageId) {
        if (imageId == null) {
            return;
        }
        try {
            docker.removeImageCmd(imageId).withForce(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the half-made snapshot image {}: {}", imageId, e.getMessage());
        }
    }
}
