package dev.berth.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Renders a {@link FailureReport} as Markdown for people. Deterministic: same report, same text. */
final class MarkdownRenderer {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /**
     * @param r the report
     * @return the Markdown text, ending with a newline
     */
    public String render(FailureReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# Berth failure report: ").append(inline(r.title())).append("\n\n");
        b.append("Created ").append(r.createdAt()).append(", collected in ").append(r.collectionTime().toMillis())
                .append(" ms. ").append(inline(r.oneLine())).append("\n");
        r.failure().ifPresent(f -> failure(b, f));
        if (!r.notCollected().isEmpty()) {
            b.append("\n## Not collected\n\n");
            r.notCollected().forEach(n -> b.append("- not collected: ").append(inline(n)).append('\n'));
        }
        engine(b, r.engine());
        for (ContainerReport c : r.containers()) {
            container(b, c, r.createdAt());
        }
        if (!r.networks().isEmpty()) {
            b.append("\n## Networks\n");
            for (NetworkSection n : r.networks()) {
                b.append("\n### ").append(inline(n.name())).append(" (").append(n.driver()).append(")\n\n");
                b.append("| Container | IPv4 | Aliases |\n|---|---|---|\n");
                for (NetworkSection.Member m : n.members()) {
                    b.append("| ").append(cell(m.container())).append(" | ").append(cell(m.ipAddress())).append(" | ")
                            .append(cell(String.join(", ", m.aliases()))).append(" |\n");
                }
            }
        }
        return b.toString();
    }

    private static void failure(StringBuilder b, FailureSection f) {
        b.append("\n## Failure\n\n`").append(code(f.type())).append('`');
        if (!f.message().isEmpty()) {
            b.append(": ").append(inline(f.message().lines().findFirst().orElse("")));
        }
        String message = f.message().replace("```", "'''");
        b.append("\n\n```\n").append(f.type()).append(message.isEmpty() ? "" : ": " + message).append('\n');
        f.frames().forEach(frame -> b.append("\tat ").append(frame).append('\n'));
        f.causes().forEach(cause -> b.append("Caused by: ").append(cause).append('\n'));
        b.append("```\n");
    }

    private static void engine(StringBuilder b, EngineSection e) {
        b.append("\n## Engine\n\n");
        if (e == null) {
            b.append("Not collected.\n");
            return;
        }
        b.append("- Docker host: ").append(e.dockerHost()).append('\n');
        b.append("- Server version: ").append(or(e.serverVersion())).append(" (API ").append(or(e.apiVersion()))
                .append(")\n");
        b.append("- OS: ").append(or(e.operatingSystem())).append(", ").append(or(e.architecture()))
                .append(", kernel ").append(or(e.kernelVersion())).append('\n');
        b.append("- Cgroups: driver ").append(or(e.cgroupDriver())).append(", version ").append(or(e.cgroupVersion()))
                .append('\n');
        b.append("- Storage driver: ").append(or(e.storageDriver())).append('\n');
        b.append("- CPUs: ").append(or(e.cpus())).append(", memory: ")
                .append(e.memoryBytes() == null ? "unknown" : Sizes.binary(e.memoryBytes())).append('\n');
        b.append("- Security options: ").append(e.securityOptions().isEmpty() ? "none"
                : String.join("; ", e.securityOptions())).append('\n');
        b.append("- Containers: ").append(or(e.containersRunning())).append(" running of ").append(or(e.containers()))
                .append("; images: ").append(or(e.images())).append('\n');
    }

    private static void container(StringBuilder b, ContainerReport r, Instant now) {
        b.append("\n## Container ").append(inline(r.label())).append("\n\n");
        ContainerSection c = r.container();
        if (c == null) {
            b.append("State and configuration not collected.\n");
        } else {
            state(b, c);
            configuration(b, c);
        }
        image(b, r.image(), now);
        if (r.stats() != null) {
            stats(b, r.stats());
        }
        b.append("\n### Last ").append(r.logs().size()).append(" log lines\n\n");
        if (r.logs().isEmpty()) {
            b.append("(none)\n");
        } else {
            String fence = r.logs().stream().anyMatch(l -> l.contains("```")) ? "~~~~" : "```";
            b.append(fence).append("text\n");
            r.logs().forEach(l -> b.append(l).append('\n'));
            b.append(fence).append('\n');
        }
    }

    private static void state(StringBuilder b, ContainerSection c) {
        ContainerSection.State s = c.state();
        b.append("### State\n\n");
        b.append("- Status: ").append(s.status()).append('\n');
        b.append("- Exit code: ").append(or(s.exitCode())).append('\n');
        b.append("- OOMKilled: ").append(s.oomKilled()).append('\n');
        if (s.dead()) {
            b.append("- Dead: true\n");
        }
        b.append("- Error: ").append(s.error() == null || s.error().isEmpty() ? "none" : inline(s.error())).append('\n');
        b.append("- Restart count: ").append(s.restartCount()).append('\n');
        b.append("- Started: ").append(time(s.startedAt())).append('\n');
        b.append("- Finished: ").append(time(s.finishedAt())).append('\n');
        if (s.health() != null) {
            b.append("- Health: ").append(s.health()).append(" (failing streak ").append(or(s.failingStreak()))
                    .append(")\n");
            for (ContainerSection.Probe p : s.probes()) {
                b.append("  - probe ").append(p.start()).append(": exit ").append(or(p.exitCode())).append(": ")
                        .append(p.output().isEmpty() ? "(no output)" : "`" + code(p.output()) + "`").append('\n');
            }
        }
    }

    private static void configuration(StringBuilder b, ContainerSection c) {
        b.append("\n### Configuration\n\n");
        b.append("- Id: ").append(c.id()).append('\n');
        b.append("- Name: ").append(inline(c.name())).append('\n');
        b.append("- Command: `").append(code(commandLine(c.command()))).append("`\n");
        b.append("- Ports: ").append(c.ports().isEmpty() ? "none" : String.join("; ", c.ports())).append('\n');
        b.append("- Networks: ");
        if (c.networks().isEmpty()) {
            b.append("none");
        }
        String sep = "";
        for (ContainerSection.Attachment a : c.networks()) {
            b.append(sep).append(inline(a.network())).append(" (ip ").append(or(a.ipAddress()));
            if (!a.aliases().isEmpty()) {
                b.append(", aliases ").append(inline(String.join(", ", a.aliases())));
            }
            b.append(')');
            sep = "; ";
        }
        b.append('\n');
        fields(b, "Limits", c.limits());
        fields(b, "Namespaces", c.namespaces());
        fields(b, "Security", c.security());
        b.append("- Env:").append(c.env().isEmpty() ? " none" : "").append('\n');
        c.env().forEach(e -> b.append("  - `").append(code(e)).append("`\n"));
    }

    private static void fields(StringBuilder b, String title, Map<String, String> fields) {
        b.append("- ").append(title).append(": ");
        if (fields.isEmpty()) {
            b.append("engine defaults");
        }
        String sep = "";
        for (Map.Entry<String, String> f : fields.entrySet()) {
            b.append(sep).append(f.getKey()).append('=').append(inline(f.getValue()));
            sep = ", ";
        }
        b.append('\n');
    }

    private static void image(StringBuilder b, ImageSection i, Instant now) {
        b.append("\n### Image\n\n");
        if (i == null) {
            b.append("Not collected.\n");
            return;
        }
        b.append("- Reference: ").append(inline(i.reference())).append('\n');
        b.append("- Id: ").append(or(i.id())).append('\n');
        b.append("- Digests: ").append(i.digests().isEmpty() ? "none" : String.join(", ", i.digests())).append('\n');
        b.append("- Size: ").append(i.sizeBytes() == null ? "unknown" : Sizes.human(i.sizeBytes())).append('\n');
        b.append("- Created: ").append(or(i.created())).append('\n');
        b.append("\nLayer history (newest first, as `docker history` lists it):\n\n");
        b.append("| IMAGE | CREATED | CREATED BY | SIZE | COMMENT |\n|---|---|---|---|---|\n");
        for (ImageSection.HistoryRow h : i.history()) {
            b.append("| ").append(shortId(h.id())).append(" | ").append(age(h.createdEpochSeconds(), now))
                    .append(" | ").append(cell(h.createdBy())).append(" | ").append(Sizes.human(h.sizeBytes()))
                    .append(" | ").append(cell(h.comment())).append(" |\n");
        }
    }

    private static void stats(StringBuilder b, StatsSection s) {
        b.append("\n### Resource usage (one sample)\n\n");
        b.append("- Memory: ").append(bin(s.memoryUsageBytes())).append(" / ").append(bin(s.memoryLimitBytes()))
                .append('\n');
        b.append("- CPU: ").append(s.cpuPercent() == null ? "unknown"
                : Sizes.percent(s.cpuPercent()) + " (" + s.cpuBasis() + ")").append('\n');
        b.append("- PIDs: ").append(or(s.pids())).append('\n');
        b.append("- Network I/O: ").append(dec(s.networkRxBytes())).append(" received / ")
                .append(dec(s.networkTxBytes())).append(" sent\n");
        b.append("- Block I/O: ").append(dec(s.blockReadBytes())).append(" read / ").append(dec(s.blockWriteBytes()))
                .append(" written\n");
    }

    /**
     * @param args a command's arguments
     * @return a shell command line: arguments with spaces or special characters in single quotes
     */
    static String commandLine(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(a.matches("[A-Za-z0-9_./:=@%+,*-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    static String shortId(String id) {
        if (id == null) {
            return "<missing>";
        }
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    static String age(Long epochSeconds, Instant now) {
        if (epochSeconds == null || epochSeconds <= 0) {
            return "unknown";
        }
        Duration d = Duration.between(Instant.ofEpochSecond(epochSeconds), now);
        return d.isNegative() ? Instant.ofEpochSecond(epochSeconds).toString() : Sizes.age(d) + " ago";
    }

    private static String time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return "unknown";
        }
        if (ZERO_TIME.equals(rfc3339)) {
            return "never";
        }
        try {
            return Instant.parse(rfc3339).toString();
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }

    private static String bin(Long v) {
        return v == null ? "unknown" : Sizes.binary(v);
    }

    private static String dec(Long v) {
        return v == null ? "unknown" : Sizes.human(v);
    }

    private static String or(Object v) {
        return v == null ? "unknown" : String.valueOf(v);
    }

    private static String inline(String s) {
        return s == null ? "unknown" : s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String code(String s) {
        return inline(s).replace('`', '\'');
    }

    private static String cell(String s) {
        return s == null || s.isEmpty() ? "" : inline(s).replace("|", "\\|");
    }

    static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
