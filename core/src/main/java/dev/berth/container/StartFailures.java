package dev.berth.container;

import dev.berth.BerthException;
import dev.berth.ContainerStartException;
import dev.berth.ContainerState;
import dev.berth.EngineUnavailableException;
import dev.berth.engine.CallDeadline;
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
        if (engineLost(cause) && !CallDeadline.Exceeded.in(cause)) {
            return lost(container.spec(), container.id(), container.name(), container.endpoint().dockerHost(),
                    container.logs().last(LOG_LINES), cause);
        }
        ContainerState state = null;
        try {
            state = container.state();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            if (engineLost(e)) {
                return lost(container.spec(), container.id(), container.name(), container.endpoint().dockerHost(),
                        container.logs().last(LOG_LINES), cause);
            }
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
        String reason = reason(cause) + RlimitRefusal.explain(container.spec().limits(), cause.getMessage());
        String masked = m.mask(reason);
        return StartFailureReports.failedStart(container.spec().name().orElse(null), masked, container.spec().image().toString(),
                container.id(),
                exit, oom, last, report, masked.equals(reason) ? cause : maskedCopy(cause, m));
    }

    /**
     * @return whether the engine stopped answering (hung, refused or cut the connection); when only the
     *     caller's budget ran out ({@link CallDeadline.Exceeded}) the engine may just be slow, and is asked once
     *     more (its state) before it is given up
     */
    static boolean engineLost(Throwable cause) {
        return lostIn(cause) != null;
    }

    /**
     * The engine stopped answering during a start: nothing more is asked of it (no state, report or removal,
     * each of which would wait for it again), and the message says where the container may still be and how
     * to remove it.
     *
     * @param id the container id, or null if the create call itself got no answer
     */
    ContainerStartException lost(dev.berth.ContainerSpec spec, String id, String name, String dockerHost,
                                 List<String> lines, RuntimeException cause) {
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        SecretMasker m = masker.withSecretsFrom(env);
        EngineUnavailableException engine = lostIn(cause);
        for (Throwable s : cause.getSuppressed()) {
            engine = engine == null ? lostIn(s) : engine;
        }
        String reason = (engine == null ? reason(cause) : engine == lostIn(cause) ? engine.getMessage()
                : reason(cause) + "\n  " + engine.getMessage())
                + "\n  The container " + name + (id == null ? "" : " (" + id.substring(0, Math.min(12, id.length())) + ")")
                + " may still exist on the engine at " + dockerHost + ". Remove it with: docker -H " + dockerHost
                + " rm -f " + name + "\n  Once this run has ended, scripts/sweep --remove removes everything it left"
                + " (by its dev.berth.* labels).";
        return new ContainerStartException(spec.name().orElse(null), m.mask(reason), spec.image().toString(), id, null, false,
                m.maskAll(lines), null, cause);
    }

    private static EngineUnavailableException lostIn(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineUnavailableException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * Names the configured startup timeout when a wait ran out of it: the wait itself only knows the budget left
     * after create and start.
     *
     * @param waitFailure what the wait strategy threw
     * @param configured the spec's startup timeout
     * @param left what was left of it when the wait began
     * @param elapsed the time since the start began, now
     * @return the failure, explained when the startup timeout is used up; else unchanged
     */
    static RuntimeException waitFailed(RuntimeException waitFailure, Duration configured, Duration left,
                                       Duration elapsed) {
        if (elapsed.compareTo(configured) < 0) {
            return waitFailure;
        }
        return new BerthException("startup timeout of " + configured.toMillis() + " ms ran out (create and start took "
                + (configured.toMillis() - left.toMillis()) + " ms, leaving " + left.toMillis() + " ms for the wait): "
                + reason(waitFailure), waitFailure);
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
