package dev.berth.junit;

import dev.berth.RunningContainer;
import dev.berth.report.FailureReporter;
import dev.berth.report.ReportSettings;
import dev.berth.report.ReportTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a failure report (core's {@link FailureReporter}) for the containers in scope of a test that
 * failed (or of every test with {@code berth.reports.always=true}), publishes its path and one-line
 * summary as a report entry and prints the compact summary once to stderr. Never hides the test's
 * own failure: trouble writing the report is logged.
 */
final class FailureReports {
    private static final Logger LOG = LoggerFactory.getLogger(FailureReports.class);
    private static final String REPORTER = "failure-reporter";
    static final String ENTRY_KEY = "berth.report";

    private FailureReports() {
    }

    /** Creates the reporter early, so that it prepares itself before the first failure. */
    static FailureReporter reporter(ExtensionContext context) {
        return BerthExtension.rootStore(context).getOrComputeIfAbsent(REPORTER, k -> new FailureReporter(
                BerthExtension.engine(context), ReportSettings.fromProperties(System.getProperties())),
                FailureReporter.class);
    }

    static void afterTest(ExtensionContext context, List<ContextResources> scope) {
        boolean failed = context.getExecutionException().isPresent();
        FailureReporter reporter = reporter(context);
        ReportSettings settings = reporter.settings();
        if (!settings.enabled() || !failed && !settings.always()) {
            return;
        }
        Map<String, ReportTarget> targets = new LinkedHashMap<>();
        for (ContextResources r : scope) {
            for (RunningContainer c : r.containers()) {
                targets.putIfAbsent(c.id(), ReportTarget.of(c));
            }
        }
        try {
            String test = context.getRequiredTestMethod().getName() + "()";
            FailureReporter.Result result = reporter.report(context.getRequiredTestClass().getName(), test,
                    new ArrayList<>(targets.values()));
            context.publishReportEntry(ENTRY_KEY, result.files().markdown().toAbsolutePath() + " — "
                    + result.report().oneLine());
            System.err.print(result.summary());
        } catch (RuntimeException e) {
            LOG.warn("Could not write the Berth failure report for {}: {}", context.getDisplayName(), e.toString());
        }
    }
}
