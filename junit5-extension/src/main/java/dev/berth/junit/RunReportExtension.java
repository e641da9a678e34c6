package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.RunReport;
import dev.berth.report.ReportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The report in the root store, listening to every engine of the run (one, or each engine of a pool its
     * classes ran on); closing it (before the engines close) writes the files, describing the first engine.
     */
    record Holder(RunReport report, Set<Engine> engines, Path dir) implements StoredResource {
        void listenTo(Engine engine) {
            boolean added;
            synchronized (engines) {
                added = engines.add(engine);
            }
            if (added) {
                engine.addPhaseListener(report);
            }
        }

        @Override
        public void close() {
            Optional<Engine> first;
            synchronized (engines) {
                first = engines.stream().findFirst();
            }
            report.write(dir, first, WRITE_BOUND);
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

    /**
     * The run's report, created with the first engine and listening to the class's engine; empty when reports
     * are off or no engine answers.
     */
    private static Optional<Holder> holder(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NS);
        Holder existing = root.get(Holder.class, Holder.class);
        Engine engine;
        try {
            engine = RunState.of(context).engine(context);
        } catch (RuntimeException noEngine) {
            // BerthExtension reports it (or disables the class)
            return Optional.ofNullable(existing);
        }
        if (existing != null) {
            existing.listenTo(engine);
            return Optional.of(existing);
        }
        ReportSettings settings = RunState.of(context).reportSettings();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Holder holder = root.getOrComputeIfAbsent(Holder.class, k -> new Holder(new RunReport(),
                new LinkedHashSet<>(), settings.directory()), Holder.class);
        holder.listenTo(engine);
        return Optional.of(holder);
    }
}
