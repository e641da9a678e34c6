package dev.berth.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Renders the run data as one self-contained HTML page: inline CSS, a little inline JS and one SVG
 * timeline per test class (phases of each container as bars on the class's time axis, tests under them).
 */
final class HtmlPage {
    private static final int LABEL = 280;
    private static final int AXIS = 900;
    private static final int ROW = 22;
    private static final String CSS = """
            body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:32px}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}
            .legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:3px;color:#fff;font-size:12px}
            .image{fill:#7e57c2;background:#7e57c2}.create{fill:#42a5f5;background:#42a5f5}.start{fill:#26a69a;background:#26a69a}
            .wait{fill:#ffa726;background:#ffa726}.snapshot{fill:#8d6e63;background:#8d6e63}.remove{fill:#78909c;background:#78909c}
            .test{fill:#66bb6a}.test.failed{fill:#e53935}.failedbar{stroke:#b71c1c;stroke-width:2}
            svg text{font-size:12px;fill:#333}#detail:empty{display:none}#detail{position:fixed;bottom:8px;right:8px;background:#fffde7;border:1px solid #ccc;padding:6px;font-size:12px}
            pre{font-size:11px;white-space:pre-wrap}""";
    private static final String JS = """
            document.querySelectorAll('rect[data-phase],rect[data-test]').forEach(function(r){
              r.addEventListener('mouseenter',function(){document.getElementById('detail').textContent=r.querySelector('title').textContent;});
            });""";

    private final JsonNode root;

    HtmlPage(JsonNode root) {
        this.root = root;
    }

    String render() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Berth run report</title><style>" + CSS + "</style></head><body>\n<h1>Berth run report</h1>\n");
        h.append("<p id=\"engine\">Engine: ").append(esc(root.path("engine").asText("not recorded"))).append("</p>\n");
        long containers = 0;
        long tests = 0;
        for (JsonNode c : root.path("classes")) {
            for (JsonNode k : c.path("containers")) {
                for (JsonNode p : k.path("phases")) {
                    containers += p.path("end").asLong() - p.path("start").asLong();
                }
            }
            for (JsonNode t : c.path("tests")) {
                tests += t.path("end").asLong() - t.path("start").asLong();
            }
        }
        h.append("<table id=\"totals\"><tr><th>Time in container phases</th><td>").append(ms(containers))
                .append("</td></tr><tr><th>Time in tests</th><td>").append(ms(tests)).append("</td></tr></table>\n");
        h.append("<p class=\"legend\">");
        for (String p : new String[] {"image", "create", "start", "wait", "snapshot", "remove"}) {
            h.append("<span class=\"").append(p).append("\">").append(p).append("</span>");
        }
        h.append("</p>\n");
        for (JsonNode c : root.path("classes")) {
            classSection(h, c);
        }
        images(h);
        h.append("<div id=\"detail\"></div><script>").append(JS).append("</script></body></html>\n");
        return h.toString();
    }

    private static void classSection(StringBuilder h, JsonNode c) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (JsonNode k : c.path("containers")) {
            for (JsonNode p : k.path("phases")) {
                from = Math.min(from, p.path("start").asLong());
                to = Math.max(to, p.path("end").asLong());
            }
        }
        for (JsonNode t : c.path("tests")) {
            from = Math.min(from, t.path("start").asLong());
            to = Math.max(to, t.path("end").asLong());
        }
        String name = c.path("name").asText();
        h.append("<section class=\"class\" data-class=\"").append(esc(name)).append("\"><h2>").append(esc(name)).append("</h2>\n");
        if (from == Long.MAX_VALUE) {
            h.append("<p>No containers or tests recorded.</p></section>\n");
            return;
        }
        double scale = AXIS / (double) Math.max(1, to - from);
        int rows = c.path("containers").size() + c.path("tests").size();
        h.append("<svg width=\"").append(LABEL + AXIS + 20).append("\" height=\"")
                .append((rows + 1) * ROW + 10).append("\">");
        h.append("<text x=\"").append(LABEL).append("\" y=\"14\">0 ms</text><text x=\"").append(LABEL + AXIS - 60)
                .append("\" y=\"14\">").append(ms(to - from)).append("</text>");
        int y = ROW;
        for (JsonNode k : c.path("containers")) {
            String container = k.path("name").asText();
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(trim(container + " (" + k.path("image").asText() + ")")))
                    .append("</text>");
            for (JsonNode p : k.path("phases")) {
                String phase = p.path("phase").asText();
                long s = p.path("start").asLong();
                long e = p.path("end").asLong();
                h.append(String.format(Locale.ROOT, "<rect class=\"%s%s\" data-container=\"%s\" data-phase=\"%s\" data-start=\"%d\""
                                + " data-end=\"%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\"><title>%s %s: %s%s</title></rect>",
                        phase, p.path("failed").asBoolean() ? " failedbar" : "", esc(container), phase, s, e,
                        LABEL + (s - from) * scale, y + 2, Math.max(1.0, (e - s) * scale), esc(container), phase, ms(e - s),
                        p.path("failed").asBoolean() ? " (failed)" : ""));
            }
            y += ROW;
        }
        for (JsonNode t : c.path("tests")) {
            long s = t.path("start").asLong();
            long e = t.path("end").asLong();
            boolean failed = t.path("failed").asBoolean();
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(trim("test " + t.path("name").asText())))
                    .append("</text>");
            h.append(String.format(Locale.ROOT, "<rect class=\"test%s\" data-test=\"%s\" data-start=\"%d\" data-end=\"%d\" x=\"%.1f\""
                            + " y=\"%d\" width=\"%.1f\" height=\"16\"><title>%s: %s%s</title></rect>",
                    failed ? " failed" : "", esc(t.path("name").asText()), s, e, LABEL + (s - from) * scale, y + 2,
                    Math.max(1.0, (e - s) * scale), esc(t.path("name").asText()), ms(e - s), failed ? " (failed)" : ""));
            y += ROW;
        }
        h.append("</svg>\n");
        StringBuilder failures = new StringBuilder();
        for (JsonNode t : c.path("tests")) {
            if (t.path("failed").asBoolean()) {
                failures.append("<li>").append(esc(t.path("name").asText()));
                for (JsonNode link : t.path("reports")) {
                    failures.append(" <a class=\"report-link\" href=\"").append(esc(link.asText())).append("\">")
                            .append(esc(link.asText())).append("</a>");
                }
                failures.append("</li>");
            }
        }
        if (failures.length() > 0) {
            h.append("<h3>Failures</h3><ul class=\"failures\">").append(failures).append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private void images(StringBuilder h) {
        if (root.path("images").isEmpty()) {
            return;
        }
        h.append("<h2>Images</h2>\n");
        for (JsonNode i : root.path("images")) {
            h.append("<details class=\"image-history\"><summary>").append(esc(i.path("ref").asText())).append(" (")
                    .append(i.path("layers").size()).append(" layers)</summary><table><tr><th>Size</th><th>Created by</th></tr>");
            for (JsonNode l : i.path("layers")) {
                h.append("<tr><td>").append(l.path("size").asLong() >> 10).append(" KiB</td><td><pre>")
                        .append(esc(l.path("createdBy").asText())).append("</pre></td></tr>");
            }
            if (i.has("error")) {
                h.append("<tr><td colspan=\"2\">").append(esc(i.path("error").asText())).append("</td></tr>");
            }
            h.append("</table></details>\n");
        }
    }

    private static String trim(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }

    private static String ms(long ms) {
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
