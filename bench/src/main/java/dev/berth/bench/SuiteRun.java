package dev.berth.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A variant that runs a real JUnit class through the Platform launcher and reports its wall time
 * per test. Only the first {@code tests} repetitions of the class's {@code @RepeatedTest} run.
 *
 * @param name the table name
 * @param suite the test class
 * @param method its repeated test method
 * @param tests how many repetitions to run
 * @param config launcher configuration parameters (technology, run id)
 */
public record SuiteRun(String name, Class<?> suite, String method, int tests, Map<String, String> config)
        implements Variant {
    @Override
    public long measure() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectIteration(selectMethod(suite, method), IntStream.range(0, tests).toArray()))
                .configurationParameters(config)
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long t0 = System.nanoTime();
        launcher.execute(request, summary);
        long t = System.nanoTime() - t0;
        TestExecutionSummary s = summary.getSummary();
        if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() != tests) {
            Throwable cause = s.getFailures().isEmpty() ? null : s.getFailures().get(0).getException();
            throw new IllegalStateException(suite.getSimpleName() + " (" + name + "): " + s.getTestsSucceededCount()
                    + " of " + tests + " tests passed, " + s.getTotalFailureCount() + " failed", cause);
        }
        return t / tests;
    }
}
