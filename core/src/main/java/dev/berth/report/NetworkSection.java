package dev.berth.report;

import java.util.List;

/**
 * A network a reported container is attached to, with everyone attached to it.
 *
 * @param name network name
 * @param id network id
 * @param driver e.g. {@code bridge}
 * @param members the attached containers
 */
public record NetworkSection(String name, String id, String driver, List<Member> members) {
    /**
     * Copies the list.
     * @param name network name
     * @param id network id
     * @param driver e.g. {@code bridge}
     * @param members the attached containers
     */
    public NetworkSection {
        members = List.copyOf(members);
    }

    /**
     * One attached container.
     *
     * @param container container name
     * @param ipAddress its IPv4 address on the network (with prefix length)
     * @param aliases its aliases there, when known (for reported containers)
     */
    public record Member(String container, String ipAddress, List<String> aliases) {
        /**
         * Copies the list.
         * @param container container name
         * @param ipAddress its IPv4 address on the network (with prefix length)
         * @param aliases its aliases there, when known (for reported containers)
         */
        public Member {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }
}
