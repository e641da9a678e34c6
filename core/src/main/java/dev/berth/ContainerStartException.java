package dev.berth;

import dev.berth.report.FailureReport;
import dev.berth.report.SummaryRenderer;
import java.util.List;

/**
 * A container did not start or did not become ready. The first line names it: its logical name (the spec's name,
 * e.g. the field under the extension), image and short id. The failed container has been removed;
 * its exit code, OOM flag and last log lines are kept here. When the launcher could collect a failure
 * report about it (before removing it), the message ends with that report's compact summary (engine,
 * image@short-id, state, exit code and OOM flag, last 20 log lines) and {@link #report()} returns it.
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
    private final transient FailureReport report;

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
     * @param report a failure report collected before the container was removed, or null; its compact
     *     summary ends the message
     * @param cause the underlying failure, may be null
     */
    public ContainerStartException(String reason, String image, String containerId, Long exitCode,
                                   boolean oomKilled, List<String> lastLogLines, FailureReport report,
                                   Throwable cause) {
        this(null, reason, image, containerId, exitCode, oomKilled, lastLogLines, report, cause);
    }

    /**
     * @param name the container's logical name (its spec's name: the field name under the extension), or null
     * @param reason why the start failed (one sentence)
     * @param image the image reference
     * @param containerId the container id, or null if it was never created
     * @param exitCode the exit code, or null while running / unknown
     * @param oomKilled whether the kernel OOM-killed it
     * @param lastLogLines the last log lines (at most 50 are shown)
     * @param report a failure report collected before the container was removed, or null; its compact
     *     summary ends the message
     * @param cause the underlying failure, may be null
     */
    public ContainerStartException(String name, String reason, String image, String containerId, Long exitCode,
                                   boolean oomKilled, List<String> lastLogLines, FailureReport report,
                                   Throwable cause) {
        super(render(name, reason, image, containerId, exitCode, oomKilled, lastLogLines, report), cause);
        this.name = name;
        this.image = image;
        this.containerId = containerId;
        this.exitCode = exitCode;
        this.oomKilled = oomKilled;
        this.lastLogLines = List.copyOf(lastLogLines);
        this.report = report;
    }

    /** @return the container's logical name (its spec's name), when it has one */
    public java.util.Optional<String> name() {
        return java.util.Optional.ofNullable(name);
    }

    /** @return the image reference */
    public String image() {
        return image;
    }

    /** @return the container id, or null if none was created */
    public String containerId() {
        return containerId;
    }

    /** @return the exit code, or null if unknown or still running when the start failed */
    public Long exitCode() {
        return exitCode;
    }

    /** @return whether the container was OOM-killed */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** @return the last log lines captured */
    public List<String> lastLogLines() {
        return lastLogLines;
    }

    /**
     * @return the failure report collected before the failed container was removed (real state, image
     *     and layer history, engine, masked logs), or null if reports are off or this exception was
     *     deserialised
     */
    public FailureReport report() {
        return report;
    }

    private static String render(String name, String reason, String image, String id, Long exitCode, boolean oom,
                                 List<String> lines, FailureReport report) {
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
        if (report != null) {
            b.append('\n').append(new SummaryRenderer().render(report, null).stripTrailing());
        }
        return b.toString();
    }
}
