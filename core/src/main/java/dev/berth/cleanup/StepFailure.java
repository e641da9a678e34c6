package dev.berth.cleanup;

import java.util.Objects;

/**
 * One teardown step that failed: what was attempted, and why it failed.
 *
 * @param step what was attempted, e.g. {@code "remove network backend-1a2b (id 0123456789ab)"}
 * @param cause the failure
 */
public record StepFailure(String step, Throwable cause) {
    /** Validates. */
    public StepFailure {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(cause, "cause");
    }

    /** @return the cause's message on one line, or its class name when it has none */
    public String reason() {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
