package dev.berth;

import java.util.List;

/** No Docker engine answered at any of the locations Berth tried. */
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
