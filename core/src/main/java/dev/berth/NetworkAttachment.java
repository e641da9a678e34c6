package dev.berth;

import java.util.List;

/**
 * A container's membership of a user-defined network, with its aliases there.
 *
 * @param network the network's engine name
 * @param aliases the DNS names other containers on that network use to reach it
 */
public record NetworkAttachment(String network, List<String> aliases) {
    /**
     * Validates and copies.
     * @param network the network's engine name
     * @param aliases the DNS names other containers on that network use to reach it
     */
    public NetworkAttachment {
        if (network == null || network.isBlank()) {
            throw new InvalidSpecException("network", String.valueOf(network), "the name of a network",
                    "engine.network(\"backend\")");
        }
        aliases = List.copyOf(aliases);
        for (String a : aliases) {
            if (!a.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
                throw new InvalidSpecException("network alias", a,
                        "letters, digits, '.', '-' and '_', starting with a letter or digit", "\"db\"");
            }
        }
        if (aliases.stream().distinct().count() != aliases.size()) {
            throw new InvalidSpecException("network aliases", String.join(",", aliases),
                    "each alias once per network", "List.of(\"db\", \"postgres\")");
        }
    }
}
