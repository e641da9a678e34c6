package dev.berth.report;

import dev.berth.ContainerSpec;
import dev.berth.ContainerStartException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attaches a failure report to a {@link ContainerStartException}: the report's compact summary
 * becomes a suppressed {@link AttachedReport} of the exception, so it prints with the stack trace
 * right after the exception's own message (exit code, OOM flag, last log lines).
 */
public final class StartFailureReports {
    private StartFailureReports() {
    }

    /** The summary of a failure report, carried as a suppressed exception without a stack trace. */
    public static final class AttachedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FailureReport report;

        AttachedReport(String summary, FailureReport report) {
            super(summary, null, false, false);
            this.report = report;
        }

        /** @return the full report (null after deserialisation) */
        public FailureReport report() {
            return report;
        }
    }

    /** The report the launcher collected before it removed a failed container; silent in stack traces. */
    static final class CollectedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FailureReport report;

        CollectedReport(FailureReport report) {
            super("(failure report collected before the container was removed)", null, false, false);
            this.report = report;
        }
    }

    /**
     * Builds the exception for a failed start with the report collected before the container was removed:
     * the report's compact summary ends the message, and {@link #collected} returns the report.
     *
     * @param reason why the start failed
     * @param image the image reference
     * @param containerId the container id
     * @param exitCode the exit code, or null
     * @param oomKilled the OOM flag
     * @param lastLogLines the last log lines
     * @param report the collected report, or null
     * @param cause the underlying failure
     * @return the exception
     */
    public static ContainerStartException failedStart(String name, String reason, String image, String containerId,
                                                      Long exitCode, boolean oomKilled, List<String> lastLogLines,
                                                      FailureReport report, Throwable cause) {
        ContainerStartException e = new ContainerStartException(name, reason, image, containerId, exitCode, oomKilled,
                lastLogLines, report == null ? null : new SummaryRenderer().render(report, null), cause);
        if (report != null) {
            e.addSuppressed(new CollectedReport(report));
        }
        return e;
    }

    /**
     * @param failure a start failure
     * @return the report the launcher collected before removing the container, or null
     */
    public static FailureReport collected(ContainerStartException failure) {
        for (Throwable t : failure.getSuppressed()) {
            if (t instanceof CollectedReport c) {
                return c.report;
            }
        }
        return null;
    }

    /**
     * @param failure the start failure
     * @param spec the spec it was started from (its env names the secrets to mask), or null
     * @return a report target for the failed container, with the exception's captured log lines
     */
    public static ReportTarget target(ContainerStartException failure, ContainerSpec spec) {
        String id = failure.containerId().orElse("none");
        List<String> captured = failure.lastLogLines();
        LogTail fromException = (containerId, n) -> MarkdownRenderer.tail(captured, n);
        List<String> env = new ArrayList<>();
        String label = "failed start";
        if (spec != null) {
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            label = spec.name().orElse(label);
        }
        return new ReportTarget(id, label, failure.image(), env, fromException);
    }

    /**
     * @param report a collected report
     * @return the text to append to a start failure's message
     */
    public static String tail(FailureReport report) {
        return new SummaryRenderer().render(report, null);
    }

    /**
     * @param failure the start failure
     * @param report the report collected about it
     * @return the same exception, with the report's summary added as a suppressed {@link AttachedReport}
     */
    public static ContainerStartException attach(ContainerStartException failure, FailureReport report) {
        failure.addSuppressed(new AttachedReport(tail(report).stripTrailing(), report));
        return failure;
    }

    /**
     * @param report a report collected about a failed start (the container is already removed)
     * @param failure the start failure
     * @return the report with the state the exception kept (exit code, OOM flag) for every container
     *     whose state could not be read any more
     */
    public static FailureReport withKnownState(FailureReport report, ContainerStartException failure) {
        List<ContainerReport> containers = new ArrayList<>();
        for (ContainerReport c : report.containers()) {
            if (c.container() == null) {
                ContainerSection.State state = new ContainerSection.State("removed after a failed start",
                        failure.exitCode().isPresent() ? failure.exitCode().getAsLong() : null, failure.oomKilled(), false, "", 0, null, null, null, null, List.of());
                String imageId = c.image() == null ? null : c.image().id();
                ContainerSection known = new ContainerSection(failure.containerId().orElse(null), null, failure.image(), imageId,
                        state, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());
                c = new ContainerReport(c.label(), known, c.image(), c.logs(), c.stats());
            }
            containers.add(c);
        }
        return new FailureReport(report.title(), report.createdAt(), report.collectionTime(), report.engine(),
                containers, report.networks(), report.notCollected(), report.failure());
    }

    /**
     * @param failure a start failure
     * @return the report attached to it, or null
     */
    public static FailureReport attached(ContainerStartException failure) {
        for (Throwable t : failure.getSuppressed()) {
            if (t instanceof AttachedReport a) {
                return a.report();
            }
        }
        return null;
    }
}
