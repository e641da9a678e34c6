package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.fixtures.ReportSuiteFixture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A real suite with a failing test writes target/berth-reports/index.html; Debian's headless Chromium loads it and
 * the page's own layout is read back: one bar per container phase in the right order, failure links that resolve,
 * and a screenshot kept in target/ (scripts/ensure-engine installs chromium).
 */
class RunReportBrowserTest {
    private static final List<String> ORDER = List.of("image", "create", "start", "wait", "remove");
    private static final String PROBE = """
            <script>(function(){var out={bars:[],links:[]};
            document.querySelectorAll('rect[data-phase]').forEach(function(r){var b=r.getBoundingClientRect();
              out.bars.push({container:r.getAttribute('data-container'),phase:r.getAttribute('data-phase'),x:b.left,width:b.width});});
            document.querySelectorAll('a.report-link').forEach(function(a){out.links.push(a.href);});
            var pre=document.createElement('pre');pre.id='berth-check';pre.textContent=JSON.stringify(out);
            document.body.appendChild(pre);})();</script>""";

    @Test
    void failingSuiteReportShowsEveryPhaseInOrderAndLinksItsFailure() throws Exception {
        Path dir = Path.of("target", "berth-reports-browser").toAbsolutePath();
        String before = System.getProperty("berth.reports.dir");
        System.setProperty("berth.reports.dir", dir.toString());
        try {
            EngineExecutionResults run = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(ReportSuiteFixture.class)).execute();
            assertThat(run.containerEvents().failed().stream()
                    .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                            .map(Throwable::toString).orElse("?")).toList()).as("class-level failures").isEmpty();
            run.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        } finally {
            if (before == null) {
                System.clearProperty("berth.reports.dir");
            } else {
                System.setProperty("berth.reports.dir", before);
            }
        }
        Path page = dir.resolve("index.html");
        assertThat(page).isRegularFile();
        assertThat(dir.resolve("berth-run.json")).isRegularFile();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link ");

        Path probe = dir.resolve("probe.html");
        Files.writeString(probe, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        JsonNode seen = new ObjectMapper().readTree(between(Chromium.dumpDom(probe), "<pre id=\"berth-check\">", "</pre>")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));

        Map<String, List<JsonNode>> byContainer = new LinkedHashMap<>();
        seen.path("bars").forEach(b -> byContainer.computeIfAbsent(b.path("container").asText(), k -> new ArrayList<>()).add(b));
        // the class container and one per test (berth.prepare-ahead starts none past the class's last test)
        assertThat(byContainer).hasSize(3);
        byContainer.forEach((container, bars) -> {
            assertThat(bars).as(container).extracting(b -> b.path("phase").asText()).containsExactlyElementsOf(ORDER);
            for (int i = 1; i < bars.size(); i++) {
                assertThat(bars.get(i).path("x").asDouble()).as(container + " " + ORDER.get(i))
                        .isGreaterThanOrEqualTo(bars.get(i - 1).path("x").asDouble());
            }
            assertThat(bars.get(4).path("x").asDouble()).as(container + " removed after created")
                    .isGreaterThan(bars.get(0).path("x").asDouble());
            bars.forEach(b -> assertThat(b.path("width").asDouble()).isGreaterThan(0));
        });
        List<String> links = new ArrayList<>();
        seen.path("links").forEach(l -> links.add(l.asText()));
        assertThat(links).hasSize(2).allSatisfy(l -> assertThat(l).contains("/" + ReportSuiteFixture.class.getName() + "/fails."));
        links.forEach(l -> assertThat(Path.of(URI.create(l))).as(l).isRegularFile());
        assertThat(links).anyMatch(l -> l.endsWith(".md")).anyMatch(l -> l.endsWith(".json"));

        Path shot = Chromium.screenshot(page, Path.of("target", "run-report.png").toAbsolutePath());
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private static String between(String text, String start, String end) {
        int a = text.indexOf(start);
        assertThat(a).as("probe output in\n" + text).isNotNegative();
        return text.substring(a + start.length(), text.indexOf(end, a));
    }
}
