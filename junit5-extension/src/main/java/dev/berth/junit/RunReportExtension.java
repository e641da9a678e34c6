package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.RunReport;
import dev.berth.report.ReportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects the run report: registers core's {@link RunReport} on the run's engine, tells it when each class
 * and test begins and ends, and hands it the engine at the end of the run to write
 * {@code target/berth-reports/index.html} (bounded, see {@link #WRITE_BOUND}). Registered by
 * {@link DockerTest} before {@link BerthExtension}, so its class window covers container start and removal.
 */
final class RunReportExtension implements BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {
    static final Duration WRITE_BOUND = Duration.ofSeconds(10);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RunReportExtension.class);

    /** The report in the root store; closing it (before the engine closes) writes the files. */
    record Holder(RunReport report, Engine engine, Path dir) implements StoredResource {
        @Override
        public void close() {
            report.write(dir, Optional.of(engine), WRITE_BOUND);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        holder(context).ifPresent(h -> h.report().classStarted(context.getRequiredTestClass().getName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        holder(context).ifPresent(h -> h.report().classFinished(context.getRequiredTestClass().getName()));
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NS).put("start", Instant.now());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Instant start = context.getStore(NS).get("start", Instant.class);
        holder(context).ifPresent(h -> h.report().testFinished(context.getRequiredTestClass().getName(),
                context.getDisplayName(), start == null ? Instant.now() : start, Instant.now(),
                context.getExecutionException().isPresent()));
    }

    /** The run's report, created with the engine; empty when reports are off or no engine answers. */
    private static Optional<Holder> holder(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NS);
        Holder existing = root.get(Holder.class, Holder.class);
        if (existing != null) {
            return Optional.of(existing);
        }
        Engine engine;
        try {
            engine = RunState.of(context).engine();
        } catch (RuntimeException noEngine) {
            return Optional.empty(); // BerthExtension reports it (or disables the class)
        }
        ReportSettings settings = ReportSettings.fromProperties(FailureReports.settings(engine));
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(root.getOrComputeIfAbsent(Holder.class, k -> {
            RunReport report = new RunReport();
            engine.addPhaseListener(report);
            return new Holder(report, engine, settings.directory());
        }, Holder.class));
    }
}
