package dev.berth.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A failure report: the engine, each container in scope with its image, state, logs and stats, the
 * networks involved, and what could not be collected. Immutable; secrets are already masked.
 *
 * @param title what failed, e.g. {@code OrdersTest > savesOrder()}
 * @param createdAt when the collection started
 * @param collectionTime how long the collection took
 * @param engine engine data, or null when it could not be collected
 * @param containers the containers in scope
 * @param networks the networks involved
 * @param notCollected what could not be collected and why, e.g.
 *     {@code stats of db (timed out after 1200 ms)}
 * @param failure the test's exception (class, masked message, first stack frames), when the report has one
 */
public record FailureReport(String title, Instant createdAt, Duration collectionTime, EngineSection engine,
                            List<ContainerReport> containers, List<NetworkSection> networks,
                            List<String> notCollected, Optional<FailureSection> failure) {
    /**
     * Copies the lists.
     * @param title what failed, e.g. {@code OrdersTest > savesOrder()}
     * @param createdAt when the collection started
     * @param collectionTime how long the collection took
     * @param engine engine data, or null when it could not be collected
     * @param containers the containers in scope
     * @param networks the networks involved
     * @param notCollected what could not be collected and why, e.g.
     *     {@code stats of db (timed out after 1200 ms)}
     * @param failure the test's exception, when the report has one
     */
    public FailureReport {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        notCollected = List.copyOf(notCollected);
        failure = failure == null ? Optional.empty() : failure;
    }

    /** A report without a failure section (see {@link #withFailure}). */
    public FailureReport(String title, Instant createdAt, Duration collectionTime, EngineSection engine,
                         List<ContainerReport> containers, List<NetworkSection> networks, List<String> notCollected) {
        this(title, createdAt, collectionTime, engine, containers, networks, notCollected, Optional.empty());
    }

    /**
     * @param section the test's exception
     * @return a copy that names it
     */
    public FailureReport withFailure(FailureSection section) {
        return new FailureReport(title, createdAt, collectionTime, engine, containers, networks, notCollected,
                Optional.of(section));
    }

    /** @return a one-line summary, e.g. {@code 2 containers: redis running, db exited 137 (OOMKilled)} */
    public String oneLine() {
        StringBuilder b = new StringBuilder().append(containers.size())
                .append(containers.size() == 1 ? " container" : " containers");
        String sep = ": ";
        for (ContainerReport c : containers) {
            b.append(sep).append(c.label()).append(' ');
            sep = ", ";
            if (c.container() == null) {
                b.append("state unknown");
                continue;
            }
            ContainerSection.State s = c.container().state();
            b.append(s.status());
            if (!"running".equals(s.status()) && s.exitCode() != null) {
                b.append(' ').append(s.exitCode());
            }
            if (s.oomKilled()) {
                b.append(" (OOMKilled)");
            }
        }
        if (!notCollected.isEmpty()) {
            b.append("; ").append(notCollected.size()).append(" item(s) not collected");
        }
        return b.toString();
    }
}
