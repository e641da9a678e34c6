package dev.berth;

import java.util.List;

/**
 * No Docker engine answered at any of the locations Berth tried, or the engine in use stopped answering a
 * call (it hangs, or its connection was refused or cut).
 */
public final class EngineUnavailableException extends BerthException {
    private static final long serialVersionUID = 1L;
    /** Each location tried and why it failed, in the order tried. */
    private final List<String> attempts;

    /**
     * @param attempts one line per location tried, with why it failed
     */
    public EngineUnavailableException(List<String> attempts) {
        this(attempts, DEFAULT_HINT);
    }

    /**
     * @param attempts one line per location tried, with why it failed
     * @param howToFix the last line of the message: what to do about it
     */
    public EngineUnavailableException(List<String> attempts, String howToFix) {
        super(render(attempts, howToFix));
        this.attempts = List.copyOf(attempts);
    }

    private EngineUnavailableException(String message, List<String> attempts, Throwable cause) {
        super(message, cause);
        this.attempts = List.copyOf(attempts);
    }

    /**
     * The engine in use did not answer one call: it hangs, or its connection failed.
     *
     * @param dockerHost where the engine listens, e.g. {@code unix:///var/run/docker.sock}
     * @param call the call, e.g. {@code GET /containers/3f2a…/json (inspect container)}
     * @param what what happened, e.g. {@code "no answer within 2000 ms (the engine call timeout …)"}
     * @param howToFix the last line of the message
     * @param cause the transport's failure, or null
     * @return the exception; {@link #attempts()} holds one line, the endpoint and what happened
     */
    public static EngineUnavailableException duringCall(String dockerHost, String call, String what,
                                                        String howToFix, Throwable cause) {
        return new EngineUnavailableException("The engine at " + dockerHost + " did not answer " + call + ": " + what
                + ".\n" + howToFix, List.of(dockerHost + ": " + what), cause);
    }

    /**
     * An engine of a pool ({@code berth.docker.hosts}) stopped answering mid-run: what was placed on it fails,
     * the other engines go on.
     *
     * @param dockerHost the engine that is lost, e.g. {@code tcp://build-2:2376}
     * @param owner what was placed on it, e.g. a test class's name
     * @param reason why it counts as lost, e.g. the failed call
     * @return the exception; {@link #attempts()} holds one line, the endpoint and the reason
     */
    public static EngineUnavailableException lost(String dockerHost, String owner, String reason) {
        return new EngineUnavailableException("The engine at " + dockerHost + " is lost: " + reason + ".\n" + owner
                + " was placed on it (berth.docker.hosts) and fails; what runs on the other engines of the pool goes"
                + " on. Containers left on " + dockerHost + " are swept by the age rule once it answers again.",
                List.of(dockerHost + ": " + reason), null);
    }

    /** @return one line per location tried, with why it failed */
    public List<String> attempts() {
        return attempts;
    }

    private static final String DEFAULT_HINT = "Start an engine (e.g. sudo dockerd, or scripts/ensure-engine) or point"
            + " Berth at one with DOCKER_HOST (unix:///path/to/docker.sock or tcp://host:2376).";

    static String render(List<String> attempts, String howToFix) {
        StringBuilder b = new StringBuilder("No Docker engine answered. Tried:");
        for (String a : attempts) {
            b.append("\n  - ").append(a);
        }
        b.append('\n').append(howToFix);
        return b.toString();
    }
}
