package dev.berth.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container as {@code docker inspect} shows it: state and effective configuration. Secrets are
 * already masked.
 *
 * @param id container id
 * @param name engine name (without the leading slash)
 * @param image the image reference from its config
 * @param imageId the image id
 * @param state run state
 * @param command entrypoint + arguments as the engine runs them
 * @param env environment, {@code NAME=value}
 * @param ports published ports, e.g. {@code 6379/tcp -> 127.0.0.1:32768}
 * @param networks networks it is attached to, with aliases
 * @param limits effective cgroup limits that are set (name to value)
 * @param namespaces namespace modes that are set (name to value)
 * @param security security fields that are set (name to value)
 */
public record ContainerSection(String id, String name, String image, String imageId, State state,
                               List<String> command, List<String> env, List<String> ports,
                               List<Attachment> networks, Map<String, String> limits,
                               Map<String, String> namespaces, Map<String, String> security) {
    /**
     * Copies the collections.
     * @param id container id
     * @param name engine name (without the leading slash)
     * @param image the image reference from its config
     * @param imageId the image id
     * @param state run state
     * @param command entrypoint + arguments as the engine runs them
     * @param env environment, {@code NAME=value}
     * @param ports published ports, e.g. {@code 6379/tcp -> 127.0.0.1:32768}
     * @param networks networks it is attached to, with aliases
     * @param limits effective cgroup limits that are set (name to value)
     * @param namespaces namespace modes that are set (name to value)
     * @param security security fields that are set (name to value)
     */
    public ContainerSection {
        command = List.copyOf(command);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        limits = ordered(limits);
        namespaces = ordered(namespaces);
        security = ordered(security);
    }

    /**
     * @param state another run state
     * @return this section with that state
     */
    public ContainerSection withState(State state) {
        return new ContainerSection(id, name, image, imageId, state, command, env, ports, networks, limits, namespaces,
                security);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * The run state.
     *
     * @param status {@code created}, {@code running}, {@code exited}, …
     * @param exitCode exit code (0 while running)
     * @param oomKilled whether the kernel OOM-killed it
     * @param dead whether the engine marked it dead
     * @param error the engine's error message, or empty
     * @param restartCount how often the engine restarted it
     * @param startedAt start time (RFC 3339)
     * @param finishedAt end time (RFC 3339), or the zero time while running
     * @param health health status, or null without a healthcheck
     * @param failingStreak consecutive failed probes, or null
     * @param probes the last health probes
     */
    public record State(String status, Long exitCode, boolean oomKilled, boolean dead, String error,
                        int restartCount, String startedAt, String finishedAt, String health, Integer failingStreak,
                        List<Probe> probes) {
        /**
         * Copies the list.
         * @param status {@code created}, {@code running}, {@code exited}, …
         * @param exitCode exit code (0 while running)
         * @param oomKilled whether the kernel OOM-killed it
         * @param dead whether the engine marked it dead
         * @param error the engine's error message, or empty
         * @param restartCount how often the engine restarted it
         * @param startedAt start time (RFC 3339)
         * @param finishedAt end time (RFC 3339), or the zero time while running
         * @param health health status, or null without a healthcheck
         * @param failingStreak consecutive failed probes, or null
         * @param probes the last health probes
         */
        public State {
            probes = probes == null ? List.of() : List.copyOf(probes);
        }

        /** @return this state, marked OOM-killed (on evidence the engine did not report itself) */
        public State withOomKilled() {
            return new State(status, exitCode, true, dead, error, restartCount, startedAt, finishedAt, health,
                    failingStreak, probes);
        }
    }

    /**
     * One health probe.
     *
     * @param start when it started
     * @param end when it ended
     * @param exitCode its exit code
     * @param output what it printed (masked)
     */
    public record Probe(String start, String end, Long exitCode, String output) {
    }

    /**
     * One network the container is attached to.
     *
     * @param network the network name
     * @param aliases its aliases on that network
     * @param ipAddress its IPv4 address there
     */
    public record Attachment(String network, List<String> aliases, String ipAddress) {
        /**
         * Copies the list.
         * @param network the network name
         * @param aliases its aliases on that network
         * @param ipAddress its IPv4 address there
         */
        public Attachment {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }
}
