package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizesTest {
    @Test
    void humanSizesMatchTheDockerCli() {
        assertThat(Sizes.human(0)).isEqualTo("0B");
        assertThat(Sizes.human(999)).isEqualTo("999B");
        assertThat(Sizes.human(1_984_512)).isEqualTo("1.98MB");
        assertThat(Sizes.human(134_091_874)).isEqualTo("134MB");
        assertThat(Sizes.human(368_000_000)).isEqualTo("368MB");
        assertThat(Sizes.human(12_500)).isEqualTo("12.5kB");
    }

    @Test
    void binarySizesMatchDockerStats() {
        assertThat(Sizes.binary(16 * 1024 * 1024)).isEqualTo("16MiB");
        assertThat(Sizes.binary(1_234_567)).isEqualTo("1.18MiB");
        assertThat(Sizes.binary(512)).isEqualTo("512B");
    }

    @Test
    void agesMatchTheDockerCli() {
        assertThat(Sizes.age(Duration.ofMillis(500))).isEqualTo("Less than a second");
        assertThat(Sizes.age(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Sizes.age(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(Sizes.age(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(Sizes.age(Duration.ofMinutes(4))).isEqualTo("4 minutes");
        assertThat(Sizes.age(Duration.ofMinutes(70))).isEqualTo("About an hour");
        assertThat(Sizes.age(Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(Sizes.age(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(Sizes.age(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(Sizes.age(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(Sizes.age(Duration.ofDays(800))).isEqualTo("2 years");
    }

    @Test
    void cpusAndPercent() {
        assertThat(Sizes.cpus(500_000_000L)).isEqualTo("0.5");
        assertThat(Sizes.cpus(2_000_000_000L)).isEqualTo("2");
        assertThat(Sizes.percent(0.256)).isEqualTo("0.26%");
    }
}
