package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns docker-java failures into the engine's own one-line message: the {@code message} of the engine's JSON
 * error body (Docker's body comes as {@code Status 404: {...}}; Podman's, which also carries {@code cause} and
 * {@code response}, as the bare body).
 */
public final class EngineErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("(?s)(?:Status \\d+: )?(\\{.*})\\s*");
    private static final Pattern PREFIX = Pattern.compile("(?s)Could not (?:pull|build) image: (.*)");

    private EngineErrors() {
    }

    /**
     * @param e a failure from docker-java
     * @return the engine's message, e.g. {@code "manifest for x:1 not found: manifest unknown"}
     */
    public static String message(Throwable e) {
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable cause = e.getCause();
            return cause != null && cause != e ? message(cause) : e.getClass().getSimpleName();
        }
        Matcher status = STATUS.matcher(m);
        if (status.matches()) {
            try {
                JsonNode body = JSON.readTree(status.group(1));
                String text = body.path("message").asText("");
                if (!text.isBlank()) {
                    return text.trim();
                }
            } catch (java.io.IOException ignored) {
                // not JSON after all: keep the text as it came
            }
        }
        Matcher prefix = PREFIX.matcher(m);
        return (prefix.matches() ? prefix.group(1) : m).trim();
    }
}
