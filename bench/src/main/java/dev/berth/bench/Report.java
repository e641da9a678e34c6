package dev.berth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders results as a Markdown table and replaces the generated block of docs/benchmarks.md
 * (between {@link #START} and {@link #END}); the hand-written text around it is kept.
 */
public final class Report {
    /** Opening marker of the generated block. */
    public static final String START = "<!-- bench:results:start -->";
    /** Closing marker of the generated block. */
    public static final String END = "<!-- bench:results:end -->";

    private Report() {
    }

    /**
     * One scenario's results.
     *
     * @param scenario the scenario
     * @param stats per variant, baseline first
     */
    public record Section(Scenario scenario, List<Stats> stats) {
    }

    /**
     * @param header lines describing the run (machine, engine, date, command)
     * @param sections the results
     * @return the Markdown block, markers included
     */
    public static String render(List<String> header, List<Section> sections) {
        StringBuilder md = new StringBuilder(START).append('\n');
        header.forEach(h -> md.append("- ").append(h).append('\n'));
        md.append('\n');
        for (Section s : sections) {
            Stats base = s.stats().get(0);
            md.append("**").append(s.scenario().title()).append("** — ").append(s.scenario().unit()).append("\n\n");
            md.append("| variant | n | min ms | median ms | max ms | median − baseline ms | median / ")
                    .append(base.variant()).append(" |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Stats st : s.stats()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %+.1f | %.2f× |%n", st.variant(),
                        st.count(), st.minMs(), st.medianMs(), st.maxMs(), st.medianMs() - base.medianMs(),
                        st.medianMs() / base.medianMs()));
            }
            md.append('\n');
        }
        return md.append(END).toString();
    }

    /**
     * Replaces the generated block of a docs page.
     *
     * @param page the Markdown file; it must contain both markers
     * @param block the output of {@link #render}
     * @throws IOException if the page cannot be read or written, or lacks the markers
     */
    public static void rewrite(Path page, String block) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from < 0 || to < from) {
            throw new IOException(page + " lacks the markers " + START + " … " + END
                    + "; add them where the results table belongs");
        }
        Files.writeString(page, text.substring(0, from) + block + text.substring(to + END.length()),
                StandardCharsets.UTF_8);
    }
}
