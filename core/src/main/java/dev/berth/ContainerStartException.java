package dev.berth;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container did not start or did not become ready. The failed container has been removed;
 * its exit code, OOM flag and last log lines are kept here. When the launcher could collect a failure
 * report about it (before removing it), the message ends with that report's compact summary (engine,
 * image@short-id, state, exit code and OOM flag, last 20 log lines) (the full report is written by the extension or {@code berth.reports.*}).
 * Secret env values of the spec are masked in the message and the log lines.
 */
public final class ContainerStartException extends BerthException {
    private static final long serialVersionUID = 1L;
    /** The container's logical name (field or spec name), if it has one. */
    private final String name;
    /** The image the container was created from. */
    private final String image;
    /** The container's id, empty if it was never created. */
    private final String containerId;
    /** The container's exit code, null while it had not exited. */
    private final Long exitCode;
    /** Whether the kernel killed the container for exceeding its memory limit. */
    private final boolean oomKilled;
    /** The container's last log lines, secrets masked. */
    private final List<String> lastLogLines;

    /**
     * @param reason why the start failed (one sentence)
     * @param image the image reference
     * @param containerId the container id, or null if it was never created
     * @param exitCode the exit code, or null while running / unknown
     * @param oomKilled whether the kernel OOM-killed it
     * @param lastLogLines the last log lines (at most 50 are shown)
     * @param cause the underlying failure, may be null
     */
    public ContainerStartException(String reason, String image, String containerId, Long exitCode,
                                   boolean oomKilled, List<String> lastLogLines, Throwable cause) {
        this(reason, image, containerId, exitCode, oomKilled, lastLogLines, null, cause);
    }

    /**
     * @param reason why the start failed (one sentence)
     * @param image the image reference
     * @param containerId the container id, or null if it was never created
     * @param exitCode the exit code, or null while running / unknown
     * @param oomKilled whether the kernel OOM-killed it
     * @param lastLogLines the last log lines (at most 50 are shown)
     * @param reportSummary the compact summary of a failure report collected before the container was
     *     removed, or null; it ends the message
     * @param cause the underlying failure, may be null
     */
    public ContainerStartException(String reason, String image, String containerId, Long exitCode,
                                   boolean oomKilled, List<String> lastLogLines, String reportSummary,
                                   Throwable cause) {
        this(null, reason, image, containerId, exitCode, oomKilled, lastLogLines, reportSummary, cause);
    }

    /**
     * @param name the container's logical name (its spec's name: the field name under the extension), or null
     * @param reason why the start failed (one sentence)
     * @param image the image reference
     * @param containerId the container id, or null if it was never created
     * @param exitCode the exit code, or null while running / unknown
     * @param oomKilled whether the kernel OOM-killed it
     * @param lastLogLines the last log lines (at most 50 are shown)
     * @param reportSummary the compact summary of a failure report collected before the container was
     *     removed, or null; it ends the message
     * @param cause the underlying failure, may be null
     */
    public ContainerStartException(String name, String reason, String image, String containerId, Long exitCode,
                                   boolean oomKilled, List<String> lastLogLines, String reportSummary,
                                   Throwable cause) {
        super(render(name, reason, image, containerId, exitCode, oomKilled, lastLogLines, reportSummary), cause);
        this.name = name;
        this.image = image;
        this.containerId = containerId;
        this.exitCode = exitCode;
        this.oomKilled = oomKilled;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    /** @return the container's logical name (field or spec name), if it had one */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the image reference */
    public String image() {
        return image;
    }

    /** @return the container id, or empty if none was created */
    public Optional<String> containerId() {
        return Optional.ofNullable(containerId);
    }

    /** @return the exit code, or empty if unknown or still running when the start failed */
    public OptionalLong exitCode() {
        return exitCode == null ? OptionalLong.empty() : OptionalLong.of(exitCode);
    }

    /** @return whether the container was OOM-killed */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** @return the last log lines captured */
    public List<String> lastLogLines() {
        return lastLogLines;
    }

    private static String render(String name, String reason, String image, String id, Long exitCode, boolean oom,
                                 List<String> lines, String reportSummary) {
        StringBuilder b = new StringBuilder("Container ");
        if (name != null) {
            b.append(name).append(' ');
        }
        b.append("from image ").append(image);
        if (id != null) {
            b.append(" (").append(id, 0, Math.min(12, id.length())).append(')');
        }
        b.append(" failed to start: ").append(reason);
        b.append("\n  exit code: ").append(exitCode == null ? "none (not exited)" : exitCode);
        b.append("\n  OOMKilled: ").append(oom);
        int from = Math.max(0, lines.size() - 50);
        b.append("\n  last ").append(lines.size() - from).append(" log lines:");
        for (String l : lines.subList(from, lines.size())) {
            b.append("\n    | ").append(l);
        }
        if (reportSummary != null) {
            b.append('\n').append(reportSummary.stripTrailing());
        }
        return b.toString();
    }
}
