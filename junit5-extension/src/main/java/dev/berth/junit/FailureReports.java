package dev.berth.junit;

import dev.berth.ContainerStartException;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.report.FailureReporter;
import dev.berth.report.ReportTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a failure report (core's {@link FailureReporter}) for the containers in scope of a failure,
 * publishes its path and one-line summary as a report entry and prints the compact summary once to
 * stderr. The report names the test's exception (class, masked message, first stack frames):
 * <ul>
 *   <li>a failing test (or every test with {@code berth.reports.always=true}), right after the test
 *       method, while its containers still run: {@code <class>/<method>.md} ({@code <class>} is the fully
 *       qualified class name, e.g. {@code com.acme.OrdersTest}), {@code <method>[2].md} for
 *       the second invocation of a parameterized or repeated test;</li>
 *   <li>a test that failed before or after its method ran ({@code @BeforeEach}, a per-test container
 *       that failed to start, {@code @AfterEach}), in {@code afterEach};</li>
 *   <li>a class whose {@code @BeforeAll} (or class-level container start) or {@code @AfterAll} failed,
 *       in {@code afterAll}: {@code <class>/BeforeAll.md} or {@code AfterAll.md}.</li>
 * </ul>
 * The containers in scope are the declared ones and the services of {@link Compose} projects, a compose project
 * that failed to start included (its services that did start stay until the report is written).
 * Containers that failed to start are gone by then; they are reported as their
 * {@link ContainerStartException} saw them. Never hides the failure itself: trouble writing the report
 * is logged.
 */
final class FailureReports {
    private static final Logger LOG = LoggerFactory.getLogger(FailureReports.class);
    private static final Namespace NS = Namespace.create(FailureReports.class);
    private static final String REPORTER = "failure-reporter";
    private static final String REPORTED = "reported";
    private static final String TESTS_RAN = "tests-ran";
    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");
    static final String ENTRY_KEY = "berth.report";

    private FailureReports() {
    }

    /**
     * Creates the reporter of the class's engine early (one per engine of the run: its report names that engine),
     * so that it prepares itself before the first failure.
     */
    static FailureReporter reporter(ExtensionContext context) {
        RunState run = RunState.of(context);
        Engine engine = run.engine(context);
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(key(engine), k -> new FailureReporter(engine,
                run.reportSettings()), FailureReporter.class);
    }

    private static String key(Engine engine) {
        return REPORTER + ":" + engine.endpoint().dockerHost();
    }

    /** After the test method: reports a failed test (or any, with {@code always}). */
    static void afterTest(ExtensionContext context, List<ContextResources> scope) {
        boolean failed = context.getExecutionException().isPresent();
        FailureReporter reporter = existing(context);
        if (reporter == null || !reporter.settings().enabled() || !failed && !reporter.settings().always()) {
            return;
        }
        context.getStore(NS).put(REPORTED, Boolean.TRUE);
        write(reporter, context, testName(context), targets(context, scope), context.getExecutionException());
    }

    /** After {@code @AfterEach}: reports a test that failed outside its method, unless already reported. */
    static void afterEach(ExtensionContext context, List<ContextResources> scope) {
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            c.get().getStore(NS).put(TESTS_RAN, Boolean.TRUE);
        }
        if (context.getStore(NS).get(REPORTED) == null) {
            reportIfFailed(context, testName(context), scope);
        }
    }

    /** After {@code @AfterAll}: reports a class whose setup or teardown failed. */
    static void afterAll(ExtensionContext context, List<ContextResources> scope) {
        boolean testsRan = context.getStore(NS).get(TESTS_RAN) != null;
        reportIfFailed(context, testsRan ? "@AfterAll" : "@BeforeAll", scope);
    }

    private static void reportIfFailed(ExtensionContext context, String name, List<ContextResources> scope) {
        FailureReporter reporter = existing(context);
        Optional<Throwable> failure = context.getExecutionException();
        if (reporter == null || !reporter.settings().enabled() || failure.isEmpty()) {
            return;
        }
        List<ReportTarget> targets = targets(context, scope);
        if (!targets.isEmpty() || !startFailures(failure.get()).isEmpty()) {
            write(reporter, context, name, targets, failure);
        }
    }

    private static void write(FailureReporter reporter, ExtensionContext context, String test,
                              List<ReportTarget> targets, Optional<Throwable> failure) {
        try {
            FailureReporter.Result result = reporter.report(context.getRequiredTestClass().getName(), test, targets,
                    failure.map(FailureReports::startFailures).orElse(List.of()), failure.orElse(null));
            context.publishReportEntry(ENTRY_KEY, result.files().markdown().toAbsolutePath() + " — "
                    + result.report().oneLine());
            System.err.print(result.summary());
        } catch (RuntimeException e) {
            LOG.warn("Could not write the Berth failure report for {}: {}", context.getDisplayName(), e.toString());
        }
    }

    /** The reporter of the class's engine, if {@code beforeAll} created one (not when the engine or the configuration failed). */
    private static FailureReporter existing(ExtensionContext context) {
        return RunState.find(context).flatMap(run -> run.connectedEngine(context))
                .map(engine -> context.getRoot().getStore(NS).get(key(engine), FailureReporter.class)).orElse(null);
    }

    /** @return the declared containers in scope, then the compose services (each named by its service name) */
    private static List<ReportTarget> targets(ExtensionContext context, List<ContextResources> scope) {
        Map<String, ReportTarget> targets = new LinkedHashMap<>();
        for (ContextResources r : scope) {
            for (RunningContainer c : r.containers()) {
                targets.putIfAbsent(c.id(), ReportTarget.of(c));
            }
        }
        for (RunningContainer c : ComposeExtension.services(context)) {
            targets.putIfAbsent(c.id(), ReportTarget.of(c));
        }
        return new ArrayList<>(targets.values());
    }

    /**
     * @return e.g. {@code fails()}, {@code shows(String, int)[2]} for the second invocation of a
     *     parameterized test
     */
    static String testName(ExtensionContext context) {
        String params = Arrays.stream(context.getRequiredTestMethod().getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        String name = context.getRequiredTestMethod().getName() + "(" + params + ")";
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        return m.find() ? name + "[" + m.group(1) + "]" : name;
    }

    /** @return the start failures in a failure: itself, its causes and suppressed exceptions */
    static List<ContainerStartException> startFailures(Throwable failure) {
        List<ContainerStartException> out = new ArrayList<>();
        collect(failure, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(Throwable t, List<ContainerStartException> out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof ContainerStartException s) {
            out.add(s);
        }
        collect(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, out, seen);
        }
    }
}
