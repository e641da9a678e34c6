package dev.berth.cleanup;

import dev.berth.engine.Durations;
import dev.berth.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from a resource's labels alone, whether it is a leftover to sweep. Never: a resource
 * without {@code dev.berth.session}, a kept snapshot ({@code dev.berth.keep=true}), one of the
 * excluded (own) session, or one whose creation time cannot be read.
 *
 * <p>{@link Mode#DEAD}: when the engine is local and the resource was created on this host in this
 * PID namespace, it is swept once its pid is gone or reused; otherwise (remote engine, another
 * host, no pid) once it is older than the maximum age. {@link Mode#OLDER_THAN}: swept once older
 * than the age, whoever made it.
 *
 * @param mode which rule applies
 * @param age the maximum age (DEAD: for sessions whose process cannot be checked; OLDER_THAN: for all)
 * @param localEngine whether the engine runs on this machine (unix socket)
 * @param localHost this machine's host name
 * @param localPidNamespace this JVM's PID namespace, or ""
 * @param ownSession a session never swept (the caller's own), or null
 * @param probe checks pids on this host
 * @param clock the time source
 */
public record SweepPolicy(Mode mode, Duration age, boolean localEngine, String localHost, String localPidNamespace,
                          String ownSession, ProcessProbe probe, Clock clock) {
    /** The default maximum age of sessions whose process cannot be checked. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    /** Which sessions are leftovers. */
    public enum Mode {
        /** Sessions whose process is gone (or, when it cannot be checked, older than the age). */
        DEAD,
        /** Every session older than the age, alive or not. */
        OLDER_THAN
    }

    /**
     * @param mode which rule applies
     * @param age see {@link SweepPolicy}
     * @param localEngine whether the engine runs on this machine
     * @param ownSession a session never swept, or null
     * @return a policy for this JVM, host and clock
     */
    public static SweepPolicy forThisJvm(Mode mode, Duration age, boolean localEngine, String ownSession) {
        return new SweepPolicy(mode, age, localEngine, Session.localHostName(), Session.localPidNamespace(),
                ownSession, ProcessProbe.local(), Clock.systemUTC());
    }

    /**
     * @param labels a resource's labels
     * @return why it is a leftover, or empty to leave it alone
     */
    public Optional<String> verdict(Map<String, String> labels) {
        String session = labels == null ? null : labels.get(Session.LABEL_SESSION);
        if (session == null || session.isBlank() || ResourceRemover.isKept(labels) || session.equals(ownSession)) {
            return Optional.empty();
        }
        Instant created = epochSeconds(labels.get(Session.LABEL_CREATED));
        if (created == null) {
            return Optional.empty();
        }
        Duration old = Duration.between(created, clock.instant());
        if (mode == Mode.OLDER_THAN) {
            return old.compareTo(age) >= 0
                    ? Optional.of("older than " + Durations.format(age) + " (created " + Durations.format(round(old)) + " ago)")
                    : Optional.empty();
        }
        Long pid = number(labels.get(Session.LABEL_PID));
        String host = labels.get(Session.LABEL_HOST);
        String pidNs = labels.getOrDefault(Session.LABEL_PID_NAMESPACE, "");
        boolean checkable = localEngine && pid != null && localHost.equals(host)
                && (pidNs.isEmpty() || localPidNamespace.isEmpty() || pidNs.equals(localPidNamespace));
        if (checkable) {
            return switch (probe.check(pid, created)) {
                case GONE -> Optional.of("process " + pid + " on " + host + " is gone");
                case REUSED -> Optional.of("pid " + pid + " on " + host + " now belongs to a later process");
                case ALIVE -> Optional.empty();
            };
        }
        if (old.compareTo(age) >= 0) {
            String where = !localEngine ? "on a remote engine" : "from host " + host + " (its process cannot be checked here)";
            return Optional.of("session " + where + " older than " + Durations.format(age)
                    + " (created " + Durations.format(round(old)) + " ago)");
        }
        return Optional.empty();
    }

    private static Duration round(Duration d) {
        return Duration.ofSeconds(Math.max(0, d.toSeconds()));
    }

    private static Instant epochSeconds(String text) {
        Long n = number(text);
        return n == null ? null : Instant.ofEpochSecond(n);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
