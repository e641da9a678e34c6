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

    /**
     * @param failure the start failure
     * @param spec the spec it was started from (its env names the secrets to mask), or null
     * @return a report target for the failed container, with the exception's captured log lines
     */
    public static ReportTarget target(ContainerStartException failure, ContainerSpec spec) {
        String id = failure.containerId() == null ? "none" : failure.containerId();
        List<String> captured = failure.lastLogLines();
        LogTail fromException = (containerId, n) -> MarkdownRenderer.tail(captured, n);
        List<String> env = new ArrayList<>();
        String label = "failed start";
        if (spec != null) {
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            label = spec.name() == null ? label : spec.name();
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
                        failure.exitCode(), failure.oomKilled(), false, "", 0, null, null, null, null, List.of());
                String imageId = c.image() == null ? null : c.image().id();
                ContainerSection known = new ContainerSection(failure.containerId(), null, failure.image(), imageId,
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
