package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
    @Test
    void writesEveryComponentInOrderWithNullsAndMillis() {
        ImageSection image = new ImageSection("busybox:1", "sha256:f8", List.of(), null, null,
                List.of(new ImageSection.HistoryRow("<missing>", 1L, "", 5, "c")));
        StatsSection stats = new StatsSection(1L, 2L, 12.3456, "live", 3L, null, null, null, null);
        ContainerReport c = new ContainerReport("a", null, image, List.of("x"), stats);
        FailureReport r = new FailureReport("T > t()", ReportSamples.NOW, Duration.ofMillis(7), null, List.of(c),
                List.of(), List.of("engine info (timed out after 500 ms)"));
        assertThat(new JsonRenderer().render(r)).isEqualTo("""
                {
                  "title": "T > t()",
                  "createdAt": "2026-11-27T19:00:00Z",
                  "collectionTimeMillis": 7,
                  "engine": null,
                  "containers": [
                    {
                      "label": "a",
                      "container": null,
                      "image": {
                        "reference": "busybox:1",
                        "id": "sha256:f8",
                        "digests": [],
                        "sizeBytes": null,
                        "created": null,
                        "history": [
                          {
                            "id": "<missing>",
                            "createdEpochSeconds": 1,
                            "createdBy": "",
                            "sizeBytes": 5,
                            "comment": "c"
                          }
                        ]
                      },
                      "logs": [
                        "x"
                      ],
                      "stats": {
                        "memoryUsageBytes": 1,
                        "memoryLimitBytes": 2,
                        "cpuPercent": 12.35,
                        "cpuBasis": "live",
                        "pids": 3,
                        "networkRxBytes": null,
                        "networkTxBytes": null,
                        "blockReadBytes": null,
                        "blockWriteBytes": null
                      }
                    }
                  ],
                  "networks": [],
                  "notCollected": [
                    "engine info (timed out after 500 ms)"
                  ],
                  "failure": null
                }
                """);
    }

    @Test
    void writesTheTestsFailure() {
        FailureReport r = new FailureReport("T > t()", ReportSamples.NOW, Duration.ofMillis(7), null, List.of(),
                List.of(), List.of()).withFailure(new FailureSection("java.lang.AssertionError", "expected 1",
                List.of("com.acme.T.t(T.java:9)"), List.of("java.io.IOException: gone")));
        assertThat(new JsonRenderer().render(r)).endsWith("""
                  "notCollected": [],
                  "failure": {
                    "type": "java.lang.AssertionError",
                    "message": "expected 1",
                    "frames": [
                      "com.acme.T.t(T.java:9)"
                    ],
                    "causes": [
                      "java.io.IOException: gone"
                    ]
                  }
                }
                """);
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndKeepsNonAscii() throws Exception {
        String text = "a\"b\\c\nd\te\u0001f\u001fg\b\f\r\u2028 é ü 漢 😀";
        FailureReport r = new FailureReport(text, ReportSamples.NOW, Duration.ofMillis(7), null, List.of(), List.of(),
                List.of());
        String json = new JsonRenderer().render(r);
        assertThat(json).contains("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001Fg\\b\\f\\r\\u2028 é ü 漢 😀\"");
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("title").asText()).isEqualTo(text);
    }

    @Test
    void theSampleReportIsValidJsonWithTheSameTextValues() {
        String json = new JsonRenderer().render(ReportSamples.sample());
        assertThat(json).contains("\"oomKilled\": true", "\"exitCode\": 137",
                "\"createdBy\": \"/bin/sh -c #(nop)  CMD [\\\"redis-server\\\"]\"", "\"REDIS_PASSWORD=****\"");
        assertThat(json.chars().filter(ch -> ch == '{').count()).isEqualTo(json.chars().filter(ch -> ch == '}').count());
    }
}
