package dev.berth.session;

import dev.berth.StopPolicy;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One run of Berth against one engine: a UUID, the labels every created resource carries, and the
 * ledger of resources created, in creation order. Thread-safe.
 */
public final class Session {
    /** Label: the session UUID. */
    public static final String LABEL_SESSION = dev.berth.SessionInfo.LABEL;
    /** Label: the pid of the JVM that created the resource. */
    public static final String LABEL_PID = "dev.berth.pid";
    /** Label: the host name of the machine that created the resource. */
    public static final String LABEL_HOST = "dev.berth.host";
    /** Label: creation time, epoch seconds. */
    public static final String LABEL_CREATED = "dev.berth.created";
    /** Label: a snapshot the user asked to keep; never removed by cleanup. */
    public static final String LABEL_KEEP = "dev.berth.keep";
    /**
     * Label: the PID namespace of the creating JVM ({@code pid:[4026531836]}), so a sweeper on the
     * same host name but in another PID namespace (a container) never judges pids it cannot see.
     */
    public static final String LABEL_PID_NAMESPACE = "dev.berth.pidns";

    private final String id;
    private final long pid;
    private final String host;
    private final String pidNamespace;
    private final Deque<Resource> ledger = new ConcurrentLinkedDeque<>();

    /**
     * A resource the session created.
     *
     * @param kind what it is
     * @param id its engine id
     * @param name a human name, for logs
     * @param stopPolicy how to stop it at teardown (containers only; kill when null)
     */
    public record Resource(Kind kind, String id, String name, StopPolicy stopPolicy) {
        /**
         * Defaults a missing stop policy to kill.
         * @param kind what it is
         * @param id its engine id
         * @param name a human name, for logs
         * @param stopPolicy how to stop it at teardown (containers only; kill when null)
         */
        public Resource {
            stopPolicy = stopPolicy == null ? StopPolicy.kill() : stopPolicy;
        }

        /**
         * @param kind what it is
         * @param id its engine id
         * @param name a human name, for logs
         */
        public Resource(Kind kind, String id, String name) {
            this(kind, id, name, null);
        }
    }

    /** Kinds of engine resources, in the reverse order of teardown. */
    public enum Kind { VOLUME, IMAGE, NETWORK, CONTAINER }

    private Session(String id, long pid, String host, String pidNamespace) {
        this.id = id;
        this.pid = pid;
        this.host = host;
        this.pidNamespace = pidNamespace;
    }

    /** @return a new session for this JVM */
    public static Session create() {
        return new Session(UUID.randomUUID().toString(), ProcessHandle.current().pid(), localHostName(),
                localPidNamespace());
    }

    /** @return the PID namespace of this JVM, e.g. {@code pid:[4026531836]}, or "" where there is none */
    public static String localPidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        } catch (Exception | LinkageError e) {
            return "";
        }
    }

    /** @return the host name this JVM records in {@link #LABEL_HOST} */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at >= 0 ? name.substring(at + 1) : "unknown";
        }
    }

    /** @return the session UUID */
    public String id() {
        return id;
    }

    /** @return the pid recorded in the labels */
    public long pid() {
        return pid;
    }

    /** @return the host name recorded in the labels */
    public String host() {
        return host;
    }

    /** @return the PID namespace recorded in the labels, or "" where there is none */
    public String pidNamespace() {
        return pidNamespace;
    }

    /**
     * @param kind what it is
     * @param resourceId its engine id
     * @return whether the session still holds it
     */
    public boolean holds(Kind kind, String resourceId) {
        return ledger.stream().anyMatch(r -> r.kind() == kind && r.id().equals(resourceId));
    }

    /** @return the labels for a resource created now */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_SESSION, id);
        labels.put(LABEL_PID, Long.toString(pid));
        labels.put(LABEL_HOST, host);
        labels.put(LABEL_CREATED, Long.toString(Instant.now().getEpochSecond()));
        if (!pidNamespace.isEmpty()) {
            labels.put(LABEL_PID_NAMESPACE, pidNamespace);
        }
        return labels;
    }

    /**
     * Records a created resource.
     *
     * @param kind what it is
     * @param resourceId its engine id
     * @param name a human name, for logs
     */
    public void record(Kind kind, String resourceId, String name) {
        ledger.addLast(new Resource(kind, resourceId, name));
    }

    /**
     * Records a created container with the stop policy teardown must honour.
     *
     * @param resourceId its engine id
     * @param name a human name, for logs
     * @param stopPolicy how to stop it at teardown
     */
    public void recordContainer(String resourceId, String name, StopPolicy stopPolicy) {
        ledger.addLast(new Resource(Kind.CONTAINER, resourceId, name, stopPolicy));
    }

    /**
     * Forgets a resource that has been removed.
     *
     * @param kind what it is
     * @param resourceId its engine id
     */
    public void forget(Kind kind, String resourceId) {
        ledger.removeIf(r -> r.kind() == kind && r.id().equals(resourceId));
    }

    /** @return the resources still held, newest first (teardown order) */
    public List<Resource> heldNewestFirst() {
        List<Resource> out = new ArrayList<>();
        ledger.descendingIterator().forEachRemaining(out::add);
        return out;
    }
}
