package dev.berth;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Berth#discover(EngineOptions)} found: every place an engine was looked for, in order, and which one
 * answered. Nothing stays connected.
 *
 * @param attempts each location looked at, in discovery order
 * @param answered the endpoint ({@code unix://…} or {@code tcp://…}) that answered a ping, if any
 */
public record Discovery(List<Attempt> attempts, Optional<String> answered) {
    /**
     * Copies the list.
     * @param attempts each location looked at, in discovery order
     * @param answered the endpoint ({@code unix://…} or {@code tcp://…}) that answered a ping, if any
     */
    public Discovery {
        attempts = List.copyOf(attempts);
    }

    /**
     * One location.
     *
     * @param location e.g. {@code "unix:///var/run/docker.sock (default socket)"}
     * @param outcome {@code "answered"}, or why it was skipped or did not answer
     *     (e.g. {@code "no socket at /run/podman/podman.sock"}, {@code "not tried: an earlier location answered"})
     * @param answered whether this location answered
     */
    public record Attempt(String location, String outcome, boolean answered) { }
}
