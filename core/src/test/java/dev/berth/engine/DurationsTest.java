package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.InvalidSpecException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration grammar of core and the extension (the docker CLI's whole-number forms). */
class DurationsTest {
    @Test
    void readsEveryUnitCaseInsensitively() {
        assertThat(Durations.parse("t", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("t", "30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("t", " 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("t", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("t", "2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("t", "0s")).isZero();
    }

    @Test
    void rejectsOtherFormsWithTheOptionAndAnExample() {
        assertThatThrownBy(() -> Durations.parse("startupTimeout", "30"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid startupTimeout: \"30\". Allowed: a whole number with ms, s, m, h or d."
                        + " Example: \"1h\".");
        assertThatThrownBy(() -> Durations.parse("startupTimeout", "-1s"))
                .hasMessage("Invalid startupTimeout: \"-1s\". Allowed: a whole number with ms, s, m, h or d."
                        + " Example: \"1h\".");
    }

    @Test
    void positiveRejectsZero() {
        assertThat(Durations.parsePositive("startupTimeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Durations.parsePositive("startupTimeout", "0m"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid startupTimeout: \"0m\". Allowed: a whole number above zero with ms, s, m, h or d."
                        + " Example: \"90s\".");
    }
}
