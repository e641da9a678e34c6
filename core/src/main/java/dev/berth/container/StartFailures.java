package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.ContainerStartException;
import dev.berth.ContainerState;
import dev.berth.report.FailureReport;
import dev.berth.report.ReportCollector;
import dev.berth.report.ReportTarget;
import dev.berth.report.SecretMasker;
import dev.berth.report.StartFailureReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a failed start into a {@link ContainerStartException}, removing the failed container. Before
 * the removal it collects a failure report (bounded by the report settings' time budget) whose compact
 * summary ends the exception's message; the spec's secret env values are masked in the message, the
 * log lines and the report.
 */
final class StartFailures {
    /** How many log lines a start failure shows. */
    static final int LOG_LINES = 50;

    private final SecretMasker masker;
    private final ReportCollector collector;

    /**
     * @param masker masks secret-named values (the spec's own secrets are added per failure)
     * @param collector collects the report before the container is removed, or null for none
     */
    StartFailures(SecretMasker masker, ReportCollector collector) {
        this.masker = masker;
        this.collector = collector;
    }

    /**
     * Reads the failed container's state, collects the report, removes the container (which ends its
     * log stream), and builds the exception from its state and last captured log lines.
     */
    ContainerStartException fail(DockerRunningContainer container, RuntimeException cause) {
        ContainerState state = null;
        try {
            state = container.state();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        if (state != null && !state.running()) {
            container.logCapture().awaitEnd(Duration.ofSeconds(2));
        }
        List<String> env = new ArrayList<>();
        container.spec().env().forEach((k, v) -> env.add(k + "=" + v));
        SecretMasker m = masker.withSecretsFrom(env);
        FailureReport report = null;
        if (collector != null) {
            try {
                ReportCollector.warmUp(); // once per JVM, outside the budget: else a cold first report times out
                ReportTarget target = ReportTarget.of(container);
                report = collector.collect("failed start of " + target.label(), List.of(target));
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        try {
            container.remove();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        List<String> last = m.maskAll(container.logs().last(LOG_LINES));
        Long exit = state == null || state.running() || state.exitCode().isEmpty() ? null : state.exitCode().getAsLong();
        boolean oom = state != null && state.oomKilled();
        String reason = reason(cause);
        String masked = m.mask(reason);
        return StartFailureReports.failedStart(masked, container.spec().image().toString(), container.id(),
                exit, oom, last, report, masked.equals(reason) ? cause : maskedCopy(cause, m));
    }

    static String reason(RuntimeException cause) {
        if (cause instanceof BerthException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The cause with its message masked (same stack trace, cause and suppressed), so no secret prints. */
    private static RuntimeException maskedCopy(RuntimeException cause, SecretMasker m) {
        BerthException copy = new BerthException(cause.getClass().getName() + ": " + m.mask(cause.getMessage()),
                cause.getCause());
        copy.setStackTrace(cause.getStackTrace());
        for (Throwable s : cause.getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
    }
}
