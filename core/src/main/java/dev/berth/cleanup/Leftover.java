package dev.berth.cleanup;

import dev.berth.session.Session;
import java.util.Map;

/**
 * A Berth-labelled resource of another session that a sweep found.
 *
 * @param kind what it is
 * @param id its engine id (a volume's name)
 * @param name a human name
 * @param labels its labels
 * @param reason why it is a leftover
 */
public record Leftover(Session.Kind kind, String id, String name, Map<String, String> labels, String reason) {
    /**
     * Copies the labels.
     * @param kind what it is
     * @param id its engine id (a volume's name)
     * @param name a human name
     * @param labels its labels
     * @param reason why it is a leftover
     */
    public Leftover {
        labels = Map.copyOf(labels);
    }

    /** @return the session that created it */
    public String session() {
        return labels.get(Session.LABEL_SESSION);
    }

    /** @return one line for logs and the CLI, e.g. {@code "container berth-x (id 0123456789ab), session 1a2b3c4d: process 42 on ci-7 is gone"} */
    public String describe() {
        String s = session();
        return ResourceRemover.describe("", kind, id, name).substring(1) + ", session "
                + (s.length() > 8 ? s.substring(0, 8) : s) + ": " + reason;
    }
}
