package dev.berth.report;

import java.util.List;

/**
 * Renders the compact summary printed once to stderr with a failure: the engine, each container's
 * image@short-id, state, OOM flag and exit code, and its last {@value #LOG_LINES} log lines.
 */
final class SummaryRenderer {
    /** Log lines per container in the summary. */
    public static final int LOG_LINES = 20;

    /**
     * @param r the report
     * @param reportPath where the full report was written, or null
     * @return the summary, ending with a newline
     */
    public String render(FailureReport r, String reportPath) {
        StringBuilder b = new StringBuilder("Berth report: ").append(r.title());
        if (reportPath != null) {
            b.append(" -> ").append(reportPath);
        }
        b.append('\n');
        EngineSection e = r.engine();
        if (e == null) {
            b.append("  engine: not collected\n");
        } else {
            b.append("  engine: ").append(e.serverVersion()).append(" (API ").append(e.apiVersion()).append(") at ")
                    .append(e.dockerHost()).append(", cgroup v").append(e.cgroupVersion()).append(' ')
                    .append(e.cgroupDriver()).append(", ").append(e.storageDriver()).append('\n');
        }
        for (ContainerReport c : r.containers()) {
            b.append("  ").append(c.label()).append(": ").append(image(c)).append(", ").append(state(c)).append('\n');
            List<String> logs = MarkdownRenderer.tail(c.logs(), LOG_LINES);
            for (String line : logs) {
                b.append("    | ").append(line).append('\n');
            }
        }
        for (String n : r.notCollected()) {
            b.append("  not collected: ").append(n).append('\n');
        }
        return b.toString();
    }

    static String image(ContainerReport c) {
        String ref = c.image() != null ? c.image().reference()
                : c.container() != null ? c.container().image() : null;
        String id = c.image() != null && c.image().id() != null ? c.image().id()
                : c.container() != null ? c.container().imageId() : null;
        return (ref == null ? "image unknown" : ref) + (id == null ? "" : "@" + MarkdownRenderer.shortId(id));
    }

    static String state(ContainerReport c) {
        if (c.container() == null) {
            return "state not collected";
        }
        ContainerSection.State s = c.container().state();
        StringBuilder b = new StringBuilder(s.status());
        if (!"running".equals(s.status()) && s.exitCode() != null) {
            b.append(", exit code ").append(s.exitCode());
        }
        b.append(", OOMKilled ").append(s.oomKilled());
        if (s.health() != null) {
            b.append(", health ").append(s.health());
        }
        if (s.error() != null && !s.error().isEmpty()) {
            b.append(", error: ").append(s.error());
        }
        return b.toString();
    }
}
