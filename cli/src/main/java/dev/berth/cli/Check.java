package dev.berth.cli;

import java.util.List;
import java.util.Optional;

/**
 * One doctor check's outcome.
 *
 * @param name what was checked, e.g. {@code "engine discovery"}
 * @param status the verdict
 * @param detail one line of what was found
 * @param lines further lines (e.g. every location tried)
 * @param fix what to do, for a warning or failure
 */
record Check(String name, Status status, String detail, List<String> lines, Optional<String> fix) {
    /** A check's verdict; only FAIL stops Berth from running. */
    enum Status { PASS, WARN, FAIL, SKIP }

    Check {
        lines = List.copyOf(lines);
    }

    static Check pass(String name, String detail, String... lines) {
        return new Check(name, Status.PASS, detail, List.of(lines), Optional.empty());
    }

    static Check warn(String name, String detail, String fix, String... lines) {
        return new Check(name, Status.WARN, detail, List.of(lines), Optional.of(fix));
    }

    static Check fail(String name, String detail, String fix, String... lines) {
        return new Check(name, Status.FAIL, detail, List.of(lines), Optional.of(fix));
    }

    static Check skip(String name) {
        return new Check(name, Status.SKIP, "needs an engine", List.of(), Optional.empty());
    }

    /** @return the check as text: a verdict line, indented detail lines and the fix */
    String text() {
        StringBuilder b = new StringBuilder(String.format("%-4s %s: %s%n", status, name, detail));
        lines.forEach(l -> b.append("     ").append(l).append(System.lineSeparator()));
        fix.ifPresent(f -> b.append("     fix: ").append(f).append(System.lineSeparator()));
        return b.toString();
    }

    /** @return the check as a JSON object */
    String json() {
        StringBuilder b = new StringBuilder("{\"name\":").append(Json.string(name)).append(",\"status\":\"")
                .append(status).append("\",\"detail\":").append(Json.string(detail)).append(",\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Json.string(lines.get(i)));
        }
        b.append("],\"fix\":").append(fix.map(Json::string).orElse("null")).append('}');
        return b.toString();
    }
}
