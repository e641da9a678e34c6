package dev.berth.report;

import com.github.dockerjava.api.DockerClient;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, writes and summarises failure reports: the one entry point the JUnit extension (or a
 * program) needs. Create it early (e.g. with the engine): it prepares the collector in the background
 * so that the first report fits its time budget too.
 *
 * <pre>{@code
 * FailureReporter reporter = new FailureReporter(engine, ReportSettings.fromProperties(System.getProperties()));
 * FailureReporter.Result r = reporter.report("com.acme.OrdersTest", "savesOrder()",
 *         List.of(ReportTarget.of(db), ReportTarget.of(cache)));
 * System.err.print(r.summary());
 * }</pre>
 */
public final class FailureReporter {
    private final ReportCollector collector;
    private final ReportSettings settings;
    private final ReportWriter writer;
    private final SummaryRenderer summary = new SummaryRenderer();

    /**
     * @param engine the engine the containers run on
     * @param settings what to collect and where to write it
     */
    public FailureReporter(Engine engine, ReportSettings settings) {
        this(new ReportCollector(engine.docker(), engine.endpoint().dockerHost(), settings, engine::knownInfo),
                settings);
        if (settings.enabled()) {
            engine.knownInfo(); // the engine describes itself in the background now, if nothing asked it yet
        }
    }

    /**
     * @param docker the engine client
     * @param dockerHost where it listens, shown in the report
     * @param settings what to collect and where to write it
     */
    public FailureReporter(DockerClient docker, String dockerHost, ReportSettings settings) {
        this(new ReportCollector(docker, dockerHost, settings), settings);
    }

    private FailureReporter(ReportCollector collector, ReportSettings settings) {
        this.collector = collector;
        this.settings = settings;
        this.writer = new ReportWriter(settings.directory());
        if (settings.enabled()) {
            Thread warm = new Thread(ReportCollector::warmUp, "berth-report-warm-up");
            warm.setDaemon(true);
            warm.start();
        }
    }

    /**
     * What one report produced.
     *
     * @param report the collected report
     * @param files the files written
     * @param summary the compact summary for stderr
     */
    public record Result(FailureReport report, ReportWriter.Written files, String summary) {
    }

    /** @return the settings in use */
    public ReportSettings settings() {
        return settings;
    }

    /**
     * Collects (within {@link ReportSettings#timeout()}) and writes a report. It does not look at
     * {@link ReportSettings#enabled()} or {@link ReportSettings#always()}: the caller decides whether
     * a report is wanted (e.g. the extension: enabled, and the test failed or {@code always}).
     *
     * @param testClass the test class name, e.g. {@code com.acme.OrdersTest}
     * @param test the test's name, e.g. {@code savesOrder()}
     * @param targets the containers in scope
     * @return the report, its files and its summary
     */
    public Result report(String testClass, String test, List<ReportTarget> targets) {
        return report(testClass, test, targets, List.of());
    }

    /**
     * Like {@link #report(String, String, List)}, for a failure that includes containers that failed to
     * start (and are gone): each one is reported as its exception's {@link ContainerStartException#report()}
     * saw it before the removal (state, image, logs), or, without one, from the data the exception
     * carries (exit code, OOM flag, masked log lines).
     *
     * @param testClass the test class name
     * @param test the test's name, e.g. {@code savesOrder()} or {@code @BeforeAll}
     * @param targets the running containers in scope
     * @param failedStarts the start failures that are part of the failure
     * @return the report, its files and its summary
     */
    public Result report(String testClass, String test, List<ReportTarget> targets,
                         List<ContainerStartException> failedStarts) {
        return report(testClass, test, targets, failedStarts, null);
    }

    /**
     * Like {@link #report(String, String, List, List)}, naming the test's exception too: its class, its message
     * and the first frames of its stack, masked like the rest of the report.
     *
     * @param testClass the test class's fully qualified name; the report goes to {@code <testClass>/<test>.md}
     * @param test the test's name, e.g. {@code savesOrder()} or {@code @BeforeAll}
     * @param targets the running containers in scope
     * @param failedStarts the start failures that are part of the failure
     * @param failure the test's exception, or null (a passing test reported with {@code always})
     * @return the report, its files and its summary
     */
    public Result report(String testClass, String test, List<ReportTarget> targets,
                         List<ContainerStartException> failedStarts, Throwable failure) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        FailureReport report = collector.collect(simple + " > " + test, targets);
        for (ContainerStartException start : failedStarts) {
            FailureReport collected = StartFailureReports.collected(start);
            FailureReport known = collected != null ? collected : StartFailureReports.withKnownState(
                    collector.collect(start.image(), List.of(StartFailureReports.target(start, null))), start);
            report = merge(report, known);
        }
        if (failure != null) {
            SecretMasker masker = SecretMasker.of(settings.maskPatterns());
            for (ReportTarget t : targets) {
                masker = masker.withSecretsFrom(t.env());
            }
            report = report.withFailure(FailureSection.of(failure, masker));
        }
        ReportWriter.Written files = writer.write(report, testClass, test);
        return new Result(report, files, summary.render(report, files.markdown().toString()));
    }

    /** @return {@code base} with the containers, networks and missing items of {@code more} added */
    static FailureReport merge(FailureReport base, FailureReport more) {
        List<ContainerReport> containers = new ArrayList<>(base.containers());
        containers.addAll(more.containers());
        Map<String, NetworkSection> networks = new LinkedHashMap<>();
        base.networks().forEach(n -> networks.put(n.name(), n));
        more.networks().forEach(n -> networks.putIfAbsent(n.name(), n));
        List<String> missing = new ArrayList<>(base.notCollected());
        more.notCollected().stream().filter(m -> !missing.contains(m)).forEach(missing::add);
        return new FailureReport(base.title(), base.createdAt(),
                base.collectionTime().plus(more.collectionTime()),
                base.engine() != null ? base.engine() : more.engine(), containers,
                new ArrayList<>(networks.values()), missing, base.failure());
    }

    /**
     * Collects a report about a container that failed to start and attaches its summary to the
     * exception (see {@link StartFailureReports#attach}). Meant for the container launcher.
     *
     * @param failure the start failure
     * @param spec the spec it was started from: its env values are masked in the captured log lines
     *     (the container is gone, so they cannot be read from it); null if unknown
     * @return the same exception, with the report attached
     */
    public ContainerStartException explain(ContainerStartException failure, ContainerSpec spec) {
        if (StartFailureReports.collected(failure) != null) {
            return StartFailureReports.attach(failure, StartFailureReports.collected(failure));
        }
        FailureReport report = collector.collect("start of " + failure.image(),
                List.of(StartFailureReports.target(failure, spec)));
        return StartFailureReports.attach(failure, StartFailureReports.withKnownState(report, failure));
    }
}
