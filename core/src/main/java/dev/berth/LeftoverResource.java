package dev.berth;

import java.util.Objects;

/**
 * A Berth-labelled container, network, image or volume that a sweep would remove, found by
 * {@link Leftovers#find(java.util.Optional)}.
 *
 * @param kind {@code "container"}, {@code "network"}, {@code "image"} or {@code "volume"}
 * @param id its engine id (a volume's name)
 * @param name a human name
 * @param session the Berth session that created it
 * @param reason why it counts as a leftover, e.g. {@code "process 42 on ci-7 is gone"}
 * @param description one line for logs and the CLI
 */
public record LeftoverResource(String kind, String id, String name, String session, String reason,
                               String description) {
    /**
     * Checks that nothing is null.
     * @param kind {@code "container"}, {@code "network"}, {@code "image"} or {@code "volume"}
     * @param id its engine id (a volume's name)
     * @param name a human name
     * @param session the Berth session that created it
     * @param reason why it counts as a leftover, e.g. {@code "process 42 on ci-7 is gone"}
     * @param description one line for logs and the CLI
     */
    public LeftoverResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
    }
}
