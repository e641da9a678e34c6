package dev.berth;

import java.util.Map;
import java.util.Objects;

/**
 * Who created a resource: the session of one {@link Engine}, as the labels on every container, network,
 * volume and image it creates show it. A read-only view; the ledger of what the session holds stays
 * inside the engine.
 *
 * @param id the session's UUID, the value of {@value #LABEL}
 * @param labels the labels every resource of the session carries ({@code dev.berth.session},
 *     {@code dev.berth.pid}, {@code dev.berth.host}, {@code dev.berth.created}, …)
 */
public record SessionInfo(String id, Map<String, String> labels) {
    /** The label holding the session id: filter with {@code --filter label=dev.berth.session=<id>}. */
    public static final String LABEL = "dev.berth.session";

    /**
     * Copies the labels; nothing may be null.
     *
     * @param id the session's UUID
     * @param labels the labels every resource of the session carries
     */
    public SessionInfo {
        Objects.requireNonNull(id, "id");
        labels = Map.copyOf(labels);
    }
}
