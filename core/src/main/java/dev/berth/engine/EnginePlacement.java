package dev.berth.engine;

import dev.berth.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places owners (test classes) on the engines of a pool ({@code berth.docker.hosts}): each owner on one
 * engine for its whole life, so its networks, snapshots and loaded archives stay together; a new owner
 * goes to the engine with the fewest owners placed, earlier engines first on a tie. An engine marked lost
 * receives no new owner, and the owners already on it learn why from {@link #lostReason(String)}.
 * Thread-safe.
 */
public final class EnginePlacement {
    /** One endpoint of a pool, the grammar {@code berth.docker.host} accepts. */
    private static final String ENDPOINT = "unix:///\\S+|tcp://[^\\s/]+(:\\d{1,5})?/?";
    private static final String EXAMPLE = "unix:///var/run/docker.sock,tcp://127.0.0.1:2376";
    private final List<String> hosts;
    private final Map<String, String> placed = new LinkedHashMap<>();
    private final Map<String, String> lost = new LinkedHashMap<>();

    private EnginePlacement(List<String> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    /**
     * @param hosts comma-separated endpoints, e.g. {@code unix:///var/run/docker.sock,tcp://127.0.0.1:2376}
     * @return a placement over them, in that order
     * @throws InvalidSpecException for an empty list, an empty entry, an entry that is not unix:///path or
     *     tcp://host:port, or a duplicate
     */
    public static EnginePlacement of(String hosts) {
        if (hosts == null || hosts.replace(",", "").isBlank()) {
            throw new InvalidSpecException("docker hosts", String.valueOf(hosts), "at least one unix:///path or "
                    + "tcp://host:port endpoint", EXAMPLE);
        }
        List<String> out = new ArrayList<>();
        for (String raw : hosts.split(",", -1)) {
            String host = raw.trim();
            if (!isEndpoint(host) || out.contains(host)) {
                throw new InvalidSpecException("docker hosts", hosts, "distinct unix:///path or tcp://host:port "
                        + "endpoints, separated by commas, none empty", EXAMPLE);
            }
            out.add(host);
        }
        return new EnginePlacement(out);
    }

    /**
     * @param host a value of {@code berth.docker.host} or one entry of {@code berth.docker.hosts}
     * @return whether it is {@code unix:///path} or {@code tcp://host[:port]}
     */
    public static boolean isEndpoint(String host) {
        return host != null && host.matches(ENDPOINT);
    }

    /** @return the pool's endpoints, in configured order */
    public List<String> hosts() {
        return hosts;
    }

    /**
     * @param owner e.g. a test class's name
     * @return the engine the owner is on: where it was placed before, else the least loaded engine not lost
     * @throws IllegalStateException when every engine of the pool is lost, listing why
     */
    public synchronized String place(String owner) {
        String current = placed.get(owner);
        if (current != null) {
            return current;
        }
        String best = null;
        long bestLoad = Long.MAX_VALUE;
        for (String host : hosts) {
            if (lost.containsKey(host)) {
                continue;
            }
            long load = placed.values().stream().filter(host::equals).count();
            if (load < bestLoad) {
                best = host;
                bestLoad = load;
            }
        }
        if (best == null) {
            throw new IllegalStateException("No engine of the pool is left for " + owner + ": " + lost);
        }
        placed.put(owner, best);
        return best;
    }

    /**
     * @param owner an owner
     * @return the engine it is placed on, if it is; never places
     */
    public synchronized Optional<String> placed(String owner) {
        return Optional.ofNullable(placed.get(owner));
    }

    /**
     * @param host an engine of the pool
     * @return why it was marked lost, or empty while it answers
     */
    public synchronized Optional<String> lost(String host) {
        return Optional.ofNullable(lost.get(host));
    }

    /** @param owner an owner that is done (its class finished); its engine's load drops by one */
    public synchronized void release(String owner) {
        placed.remove(owner);
    }

    /**
     * @param host an engine of the pool that stopped answering
     * @param reason why, e.g. the engine error
     */
    public synchronized void markLost(String host, String reason) {
        if (hosts.contains(host)) {
            lost.putIfAbsent(host, reason);
        }
    }

    /**
     * @param owner an owner placed earlier
     * @return why its engine is lost, naming the engine, or empty while it answers
     */
    public synchronized Optional<String> lostReason(String owner) {
        String host = placed.get(owner);
        return host == null || !lost.containsKey(host) ? Optional.empty()
                : Optional.of("The engine " + host + " that " + owner + " was placed on is lost: " + lost.get(host));
    }
}
