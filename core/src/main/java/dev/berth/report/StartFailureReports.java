package dev.berth.report;

import dev.berth.ContainerStartException;
import java.util.List;

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

    /**
     * @param failure the start failure
     * @return a report target for the failed container, with the exception's captured log lines
     */
    public static ReportTarget target(ContainerStartException failure) {
        String id = failure.containerId() == null ? "none" : failure.containerId();
        List<String> captured = failure.lastLogLines();
        LogTail fromException = (containerId, n) -> MarkdownRenderer.tail(captured, n);
        return new ReportTarget(id, "failed start", failure.image(), List.of(), fromException);
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
