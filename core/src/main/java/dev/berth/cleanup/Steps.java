package dev.berth.cleanup;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs teardown steps one after another, attempting every step even when earlier ones fail, and
 * collects the failures for {@link TeardownErrors}. Not thread-safe: one per teardown.
 */
public final class Steps {
    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    private final List<StepFailure> failures = new ArrayList<>();
    private int attempted;

    /**
     * Runs one step; a failure is recorded and logged, never thrown.
     *
     * @param step what is attempted, for the report
     * @param action the step
     * @return whether it succeeded
     */
    public boolean attempt(String step, Action action) {
        attempted++;
        try {
            action.run();
            return true;
        } catch (Exception | LinkageError | AssertionError e) {
            StepFailure failure = new StepFailure(step, e);
            LOG.warn("Berth teardown: {} failed: {}", step, failure.reason());
            failures.add(failure);
            return false;
        }
    }

    /**
     * Records steps run elsewhere (e.g. by background removals).
     *
     * @param attemptedElsewhere how many were attempted
     * @param failed the ones that failed
     */
    public void addAll(int attemptedElsewhere, List<StepFailure> failed) {
        attempted += attemptedElsewhere;
        failures.addAll(failed);
    }

    /** @return how many steps were attempted */
    public int attempted() {
        return attempted;
    }

    /** @return the failed steps, in order */
    public List<StepFailure> failures() {
        return List.copyOf(failures);
    }

    /**
     * @param what what was torn down, for the message
     * @throws dev.berth.BerthException listing every failed step, when any failed
     */
    public void throwIfFailed(String what) {
        TeardownErrors.throwIfAny(what, attempted, failures);
    }

    /** A step that may throw. */
    @FunctionalInterface
    public interface Action {
        /** @throws Exception when the step fails */
        void run() throws Exception;
    }
}
