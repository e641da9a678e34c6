package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the bench from rotting: runs every scenario once (scripts/bench --smoke) against the real
 * engine and checks that each variant produced a measurement. No timing is asserted: numbers
 * belong in docs/benchmarks.md, measured by scripts/bench on a quiet machine.
 */
class BenchSmokeTest {

    @Test
    void everyScenarioProducesOneMeasurementPerVariant() throws Exception {
        List<Report.Section> sections = BenchMain.run(BenchMain.Options.smoke(), System.out);

        assertThat(sections).extracting(s -> s.scenario().id()).containsExactlyElementsOf(Scenarios.ALL);
        for (Report.Section s : sections) {
            assertThat(s.stats()).extracting(Stats::variant)
                    .as("variants of %s", s.scenario().id())
                    .containsExactlyElementsOf(s.scenario().variants().stream().map(Variant::name).toList());
            for (Stats st : s.stats()) {
                assertThat(st.samplesNanos()).as("%s / %s", s.scenario().id(), st.variant())
                        .singleElement().satisfies(n -> assertThat(n).isPositive());
            }
        }
        assertThat(Report.render(List.of("smoke"), sections))
                .startsWith(Report.START).endsWith(Report.END).contains("| Berth | 1 |");
    }
}
