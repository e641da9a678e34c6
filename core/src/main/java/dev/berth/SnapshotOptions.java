package dev.berth;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code Engine.snapshot} captures a running container. An immutable value changed through
 * {@code with…} copies; {@link #defaults()} pauses the container during the capture, captures the data
 * in its volumes, and labels the image for cleanup when the session ends.
 *
 * <pre>{@code
 * SnapshotOptions pg = SnapshotOptions.defaults()
 *         .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT")
 *         .withComment("seeded: 10,000 accounts");
 * }</pre>
 */
public final class SnapshotOptions {
    private static final SnapshotOptions DEFAULTS = new SnapshotOptions(true, false, true, true, null, List.of(), null);

    private final boolean pause;
    private final boolean keep;
    private final boolean captureVolumes;
    private final boolean tmpfsRestore;
    private final String comment;
    private final List<String> prepareCommand;
    private final ImageRef tag;

    private SnapshotOptions(boolean pause, boolean keep, boolean captureVolumes, boolean tmpfsRestore, String comment,
                            List<String> prepareCommand, ImageRef tag) {
        this.pause = pause;
        this.keep = keep;
        this.captureVolumes = captureVolumes;
        this.tmpfsRestore = tmpfsRestore;
        this.comment = comment;
        this.prepareCommand = prepareCommand;
        this.tag = tag;
    }

    /** @return pause during the capture, capture volumes, remove the image when the session ends */
    public static SnapshotOptions defaults() {
        return DEFAULTS;
    }

    /** @return true when the container is paused while its filesystem and volumes are read */
    public boolean pause() {
        return pause;
    }

    /** @return true when the image survives the session (labelled {@code dev.berth.keep=true}) */
    public boolean keep() {
        return keep;
    }

    /** @return true when the content of the container's volumes is captured into the image */
    public boolean captureVolumes() {
        return captureVolumes;
    }

    /**
     * @return true (the default) when restored containers get their volume content copied into a tmpfs at
     *     start where possible (the container runs as root and has {@code sh} and {@code cp}); false to
     *     always let the engine copy it into a fresh anonymous volume
     */
    public boolean tmpfsRestore() {
        return tmpfsRestore;
    }

    /** @return the commit message, empty for {@code "berth snapshot of <container name>"} */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /**
     * @return a command run in the container before the capture (e.g. a database checkpoint), or empty for
     *     the container spec's own {@code snapshotPrepare()} (set by the service modules)
     */
    public List<String> prepareCommand() {
        return prepareCommand;
    }

    /**
     * @param pause false to capture a container while it keeps running (faster, but a database may be
     *     caught mid-write)
     * @return the changed copy
     */
    public SnapshotOptions withPause(boolean pause) {
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfsRestore, comment, prepareCommand, tag);
    }

    /**
     * @param keep true to keep the image after the session: it is labelled {@code dev.berth.keep=true},
     *     left out of the session's cleanup, and must be removed by the user
     * @return the changed copy
     */
    public SnapshotOptions withKeep(boolean keep) {
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfsRestore, comment, prepareCommand, tag);
    }

    /**
     * @param capture false to skip the content of volumes (plain {@code docker commit} behaviour)
     * @return the changed copy
     */
    public SnapshotOptions withCaptureVolumes(boolean capture) {
        return new SnapshotOptions(pause, keep, capture, tmpfsRestore, comment, prepareCommand, tag);
    }

    /**
     * @param tmpfs false to restore volume content into anonymous volumes on disk (no shell needed in the
     *     image, no memory used, but about twice as slow to start for a PostgreSQL data directory)
     * @return the changed copy
     */
    public SnapshotOptions withTmpfsRestore(boolean tmpfs) {
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfs, comment, prepareCommand, tag);
    }

    /**
     * @param comment the commit message, shown by {@code docker history}; one line
     * @return the changed copy
     */
    public SnapshotOptions withComment(String comment) {
        if (comment == null || comment.isBlank() || comment.contains("\n")) {
            throw new InvalidSpecException("snapshot comment", String.valueOf(comment), "one non-blank line",
                    "\"seeded: 10,000 accounts\"");
        }
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfsRestore, comment, prepareCommand, tag);
    }

    /**
     * @param command run in the container (as its user) before it is paused; must exit 0. Use it to make
     *     the data on disk consistent, e.g. {@code psql -U postgres -c CHECKPOINT}
     * @return the changed copy
     */
    public SnapshotOptions withPrepareCommand(String... command) {
        if (command.length == 0 || Arrays.stream(command).anyMatch(Objects::isNull) || command[0].isBlank()) {
            throw new InvalidSpecException("snapshot prepare command", Arrays.toString(command),
                    "a program and its arguments, none null", "\"psql\", \"-U\", \"postgres\", \"-c\", \"CHECKPOINT\"");
        }
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfsRestore, comment, List.copyOf(Arrays.asList(command)), tag);
    }

    /** @return the reference to tag the snapshot with, empty for {@code berth-snapshots/<name>:<12 hex of the id>} */
    public Optional<ImageRef> tag() {
        return Optional.ofNullable(tag);
    }

    /**
     * @param tag the reference to give the snapshot instead of the default one, e.g. a stable tag for a
     *     snapshot cached across runs (an existing image of that name loses the tag)
     * @return the changed copy
     */
    public SnapshotOptions withTag(ImageRef tag) {
        return new SnapshotOptions(pause, keep, captureVolumes, tmpfsRestore, comment, prepareCommand,
                java.util.Objects.requireNonNull(tag, "tag"));
    }

    /** @return true for a SnapshotOptions with the same values */
    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotOptions o
                && Objects.equals(pause, o.pause) && Objects.equals(keep, o.keep)
                && Objects.equals(captureVolumes, o.captureVolumes)
                && Objects.equals(tmpfsRestore, o.tmpfsRestore)
                && Objects.equals(comment, o.comment)
                && Objects.equals(prepareCommand, o.prepareCommand)
                && Objects.equals(tag, o.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pause, keep, captureVolumes, tmpfsRestore, comment, prepareCommand, tag);
    }

    @Override
    public String toString() {
        return "SnapshotOptions[pause=" + pause + ", keep=" + keep + ", captureVolumes=" + captureVolumes
                + ", tmpfsRestore=" + tmpfsRestore
                + (comment == null ? "" : ", comment=" + comment)
                + (prepareCommand.isEmpty() ? "" : ", prepare=" + prepareCommand)
                + (tag == null ? "" : ", tag=" + tag) + "]";
    }
}
