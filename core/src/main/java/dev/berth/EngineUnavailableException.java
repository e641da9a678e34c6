package dev.berth;

import java.util.List;

/** No Docker engine answered at any of the locations Berth tried. */
public final class EngineUnavailableException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final List<String> attempts;

    /**
     * @param attempts one line per location tried, with why it failed
     */
    public EngineUnavailableException(List<String> attempts) {
        super(render(attempts));
        this.attempts = List.copyOf(attempts);
    }

    /** @return one line per location tried, with why it failed */
    public List<String> attempts() {
        return attempts;
    }

    static String render(List<String> attempts) {
        StringBuilder b = new StringBuilder("No Docker engine answered. Tried:");
        for (String a : attempts) {
            b.append("\n  - ").append(a);
        }
        b.append("\nStart an engine (e.g. sudo dockerd, or scripts/ensure-engine) or point Berth at one with ")
                .append("DOCKER_HOST (unix:///path/to/docker.sock or tcp://host:2376).");
        return b.toString();
    }
}
