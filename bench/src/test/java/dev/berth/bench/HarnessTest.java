package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's bookkeeping, with fake variants (no engine). */
class HarnessTest {
    private final List<String> calls = new ArrayList<>();
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Variant fake(String name, long... nanos) {
        return new Variant() {
            private int i;

            @Override
            public String name() {
                return name;
            }

            @Override
            public long measure() {
                calls.add(name);
                return nanos[i++];
            }

            @Override
            public void close() {
                calls.add("close " + name);
            }
        };
    }

    @Test
    void interleavesVariantsKeepsOnlyMeasuredRoundsAndClosesEveryVariant() throws Exception {
        Scenario s = new Scenario("x", "X", "unit", List.of(fake("A", 9, 1, 2), fake("B", 9, 3, 4)),
                () -> calls.add("close shared"));

        List<Stats> stats = new Harness(1, 2, log).run(s);

        assertThat(calls).containsExactly("A", "B", "A", "B", "A", "B", "close A", "close B", "close shared");
        assertThat(stats.get(0).samplesNanos()).containsExactly(1L, 2L);
        assertThat(stats.get(1).samplesNanos()).containsExactly(3L, 4L);
    }

    @Test
    void aFailingVariantIsNamedAndEveryVariantIsStillClosed() {
        Variant broken = new Variant() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public long measure() {
                throw new IllegalStateException("engine said no");
            }
        };
        Scenario s = new Scenario("x", "X", "unit", List.of(fake("A", 1), broken));

        assertThatThrownBy(() -> new Harness(0, 1, log).run(s))
                .hasMessage("Scenario 'x', variant 'broken' failed: java.lang.IllegalStateException: engine said no");
        assertThat(calls).containsExactly("A", "close A");
    }

    @Test
    void statsGiveMinMedianMaxInMilliseconds() {
        Stats odd = new Stats("v", List.of(3_000_000L, 1_000_000L, 2_000_000L));
        Stats even = new Stats("v", List.of(4_000_000L, 1_000_000L, 2_000_000L, 3_000_000L));

        assertThat(odd.minMs()).isEqualTo(1.0);
        assertThat(odd.medianMs()).isEqualTo(2.0);
        assertThat(odd.maxMs()).isEqualTo(3.0);
        assertThat(even.medianMs()).isEqualTo(2.5);
    }
}
