package dev.berth.compose;

import java.nio.file.Path;
import java.util.Map;

/**
 * A service's {@code build}: built with {@code engine.images().build(…)} before the project starts,
 * tagged per session, removed with the session.
 *
 * @param context the build context directory (resolved against the compose file's directory)
 * @param dockerfile the Dockerfile, relative to {@code context} ({@code Dockerfile} by default)
 * @param args values for the Dockerfile's {@code ARG}s
 */
public record ComposeBuild(Path context, Path dockerfile, Map<String, String> args) {
    /**
     * Copies.
     *
     * @param context the build context directory
     * @param dockerfile the Dockerfile, relative to {@code context}
     * @param args values for the Dockerfile's {@code ARG}s
     */
    public ComposeBuild {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }
}
