package dev.berth.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A variant that runs a real JUnit class through the Platform launcher. Only the first
 * {@code tests} repetitions of the class's {@code @RepeatedTest} run. The measurement is per test:
 * either the launcher's whole wall time ÷ tests ({@link Clock#SUITE}), or the time spent inside the
 * tests themselves — each test's before/after callbacks included, class setup excluded — ÷ tests
 * ({@link Clock#TESTS}).
 *
 * @param name the table name
 * @param suite the test class
 * @param method its repeated test method
 * @param tests how many repetitions to run
 * @param clock what is on the clock
 * @param config launcher configuration parameters (technology, run id)
 */
public record SuiteRun(String name, Class<?> suite, String method, int tests, Clock clock, Map<String, String> config)
        implements Variant {
    /** What a measurement covers. */
    public enum Clock {
        /** launcher start → end, class setup and teardown included */
        SUITE,
        /** the sum of the tests' own durations */
        TESTS
    }

    @Override
    public long measure() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectIteration(selectMethod(suite, method), IntStream.range(0, tests).toArray()))
                .configurationParameters(config)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestTimes times = new TestTimes();
        long t0 = System.nanoTime();
        LauncherFactory.create().execute(request, summary, times);
        long wall = System.nanoTime() - t0;
        TestExecutionSummary s = summary.getSummary();
        if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() != tests) {
            Throwable cause = s.getFailures().isEmpty() ? null : s.getFailures().get(0).getException();
            throw new IllegalStateException(suite.getSimpleName() + " (" + name + "): " + s.getTestsSucceededCount()
                    + " of " + tests + " tests passed, " + s.getTotalFailureCount() + " failed", cause);
        }
        return (clock == Clock.SUITE ? wall : times.total.get()) / tests;
    }

    /** Sums the durations of the tests (not of containers such as the class). */
    private static final class TestTimes implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                started.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long t0 = started.remove(id.getUniqueId());
            if (t0 != null) {
                total.addAndGet(System.nanoTime() - t0);
            }
        }
    }
}
