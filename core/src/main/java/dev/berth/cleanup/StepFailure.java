package dev.berth.cleanup;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One teardown step that failed: what was attempted, and why it failed.
 *
 * @param step what was attempted, e.g. {@code "remove network backend-1a2b (id 0123456789ab)"}
 * @param cause the failure
 */
record StepFailure(String step, Throwable cause) {
    /**
     * Validates.
     * @param step what was attempted, e.g. {@code "remove network backend-1a2b (id 0123456789ab)"}
     * @param cause the failure
     */
    public StepFailure {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(cause, "cause");
    }

    private static final Pattern ENGINE_ERROR = Pattern.compile("Status (\\d+): \\{\"message\":\"(.*)\"\\}", Pattern.DOTALL);

    /**
     * @return the cause's message on one line (the engine's own text when it is an engine error
     *     reply such as {@code Status 409: {"message":"..."}}), or its class name when it has none
     */
    public String reason() {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        m = m.strip();
        Matcher engine = ENGINE_ERROR.matcher(m);
        if (engine.matches()) {
            m = engine.group(2).replace("\\\"", "\"") + " (HTTP " + engine.group(1) + ")";
        }
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
