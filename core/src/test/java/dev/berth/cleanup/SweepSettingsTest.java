package dev.berth.cleanup;

import dev.berth.engine.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Sweep switches and durations from system properties and the environment. */
class SweepSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsToOnWithOneHour() {
        assertThat(SweepSettings.from(props(), Map.of())).isEqualTo(new SweepSettings(true, Duration.ofHours(1)));
    }

    @Test
    void propertyWinsOverEnvironment() {
        assertThat(SweepSettings.from(props("berth.sweep", "false"), Map.of("BERTH_SWEEP", "true")).enabled()).isFalse();
        assertThat(SweepSettings.from(props(), Map.of("BERTH_SWEEP", "FALSE", "BERTH_SWEEP_MAX_AGE", "90m")))
                .isEqualTo(new SweepSettings(false, Duration.ofMinutes(90)));
    }

    @Test
    void rejectsValuesWithWhatIsAllowed() {
        assertThatThrownBy(() -> SweepSettings.from(props("berth.sweep", "no"), Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid berth.sweep / BERTH_SWEEP: \"no\". Allowed: true or false. Example: false.");
        assertThatThrownBy(() -> SweepSettings.from(props("berth.sweep.max-age", "1 hour"), Map.of()))
                .hasMessage("Invalid berth.sweep.max-age / BERTH_SWEEP_MAX_AGE: \"1 hour\"."
                        + " Allowed: a whole number with ms, s, m, h or d. Example: \"1h\".");
    }

    @Test
    void formatsDurationsCompactly() {
        assertThat(Durations.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
    }
}
