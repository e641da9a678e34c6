package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table rendering, docs rewriting and option parsing (no engine). */
class ReportTest {
    @TempDir
    Path dir;

    private static Variant named(String name) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long measure() {
                return 0;
            }
        };
    }

    private static Report.Section section() {
        Scenario s = new Scenario("ready", "1. Time to ready", "until GET answers",
                List.of(named("raw docker-java"), named("Berth")));
        return new Report.Section(s, List.of(new Stats("raw docker-java", List.of(100_000_000L, 200_000_000L, 300_000_000L)),
                new Stats("Berth", List.of(210_000_000L, 220_000_000L, 230_000_000L))));
    }

    @Test
    void rendersOneTableRowPerVariantWithTheRatioToTheBaselineMedian() {
        String md = Report.render(List.of("Engine: test"), List.of(section()));

        assertThat(md).isEqualTo(Report.START + "\n"
                + "- Engine: test\n\n"
                + "**1. Time to ready** — until GET answers\n\n"
                + "| variant | n | min ms | median ms | max ms | median − baseline ms | median / raw docker-java |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                + "| raw docker-java | 3 | 100.0 | 200.0 | 300.0 | +0.0 | 1.00× |\n"
                + "| Berth | 3 | 210.0 | 220.0 | 230.0 | +20.0 | 1.10× |\n\n"
                + Report.END);
    }

    @Test
    void rewriteReplacesOnlyTheGeneratedBlock() throws Exception {
        Path page = dir.resolve("benchmarks.md");
        Files.writeString(page, "intro\n" + Report.START + "\nold\n" + Report.END + "\nreading\n");

        Report.rewrite(page, Report.START + "\nnew\n" + Report.END);

        assertThat(Files.readString(page)).isEqualTo("intro\n" + Report.START + "\nnew\n" + Report.END + "\nreading\n");
    }

    @Test
    void rewriteRefusesAPageWithoutMarkers() throws Exception {
        Path page = dir.resolve("benchmarks.md");
        Files.writeString(page, "no markers");

        assertThatThrownBy(() -> Report.rewrite(page, "x")).hasMessage(page + " lacks the markers "
                + Report.START + " … " + Report.END + "; add them where the results table belongs");
    }

    @Test
    void parsesOptionsAndNamesWhatIsAllowed() {
        BenchMain.Options o = BenchMain.Options.parse("--iterations", "5", "--scenarios", "ready,cold");

        assertThat(o.iterations()).isEqualTo(5);
        assertThat(o.warmup()).isEqualTo(1);
        assertThat(o.scenarios()).containsExactly("ready", "cold");
        assertThat(BenchMain.Options.parse("--smoke")).isEqualTo(BenchMain.Options.smoke());
        assertThatThrownBy(() -> BenchMain.Options.parse("--fast")).hasMessage("unknown option '--fast'; use --smoke"
                + " or --warmup N --iterations N --scenarios ready,parallel,cycle,cold,reset,save,overhead,copyin,secondrun --parallel N --tests N"
                + " --docs docs/benchmarks.md");
    }
}
