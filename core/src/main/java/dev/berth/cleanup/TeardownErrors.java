package dev.berth.cleanup;

import dev.berth.BerthException;
import java.util.List;

/** Builds the one exception that reports every failed teardown step. Each message is built here only. */
final class TeardownErrors {
    private TeardownErrors() {
    }

    /**
     * @param what what was torn down, e.g. {@code "session 1a2b3c4d"} or {@code "scope MyTest"}
     * @param attempted how many steps were attempted
     * @param failures the failed steps, in the order they were attempted (not empty)
     * @return one exception whose message lists each failed step, with every cause suppressed
     */
    public static BerthException aggregate(String what, int attempted, List<StepFailure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no failures to report");
        }
        StringBuilder m = new StringBuilder("Teardown of ").append(what).append(" failed in ")
                .append(failures.size()).append(" of ").append(attempted).append(" step(s); every other step was attempted:");
        for (StepFailure f : failures) {
            m.append("\n  - ").append(f.step()).append(": ").append(f.reason());
        }
        m.append("\nFree what still uses these resources, then remove the leftovers with 'scripts/sweep --remove'"
                + " (it lists them first without --remove).");
        BerthException e = new BerthException(m.toString());
        failures.forEach(f -> e.addSuppressed(f.cause()));
        return e;
    }

    /**
     * Throws {@link #aggregate} when there are failures.
     *
     * @param what what was torn down
     * @param attempted how many steps were attempted
     * @param failures the failed steps, possibly empty
     */
    public static void throwIfAny(String what, int attempted, List<StepFailure> failures) {
        if (!failures.isEmpty()) {
            throw aggregate(what, attempted, failures);
        }
    }
}
