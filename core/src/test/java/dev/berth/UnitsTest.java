package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void readsSizesAsTheDockerCliDoes() {
        assertThat(Units.bytes("memory", "512", "x")).isEqualTo(512L);
        assertThat(Units.bytes("memory", "64k", "x")).isEqualTo(65_536L);
        assertThat(Units.bytes("memory", "64m", "x")).isEqualTo(67_108_864L);
        assertThat(Units.bytes("memory", "64M", "x")).isEqualTo(67_108_864L);
        assertThat(Units.bytes("memory", "64mb", "x")).isEqualTo(67_108_864L);
        assertThat(Units.bytes("memory", "64MiB", "x")).isEqualTo(67_108_864L);
        assertThat(Units.bytes("memory", "1g", "x")).isEqualTo(1_073_741_824L);
        assertThat(Units.bytes("memory", "1.5g", "x")).isEqualTo(1_610_612_736L);
        assertThat(Units.bytes("memory", "2t", "x")).isEqualTo(2L << 40);
    }

    @Test
    void rejectsUnparseableSizes() {
        assertThatThrownBy(() -> Units.bytes("memory", "12xb", "\"256m\""))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid memory: \"12xb\". Allowed: a positive size: a number with an optional binary "
                        + "unit b, k, m, g (as the docker CLI reads them). Example: \"256m\".");
    }

    @Test
    void rejectsNegativeAndZeroSizes() {
        assertThatThrownBy(() -> Units.bytes("memory", "-1m", "\"256m\""))
                .hasMessage("Invalid memory: \"-1m\". Allowed: a positive size: a number with an optional binary "
                        + "unit b, k, m, g (as the docker CLI reads them). Example: \"256m\".");
        assertThatThrownBy(() -> Units.bytes("shm size", "0", "\"128m\""))
                .hasMessage("Invalid shm size: \"0\". Allowed: a positive size: a number with an optional binary "
                        + "unit b, k, m, g (as the docker CLI reads them). Example: \"128m\".");
    }

    @Test
    void rejectsSizesBelowOneByteInsteadOfRoundingThemToZero() {
        assertThatThrownBy(() -> Limits.none().memoryReservation("0.5"))
                .hasMessage("Invalid memory reservation: \"0.5\". Allowed: a positive size: a number with an optional"
                        + " binary unit b, k, m, g (as the docker CLI reads them). Example: \"128m\".");
        assertThatThrownBy(() -> Limits.none().shmSize("0.5"))
                .hasMessage("Invalid shm size: \"0.5\". Allowed: a positive size: a number with an optional"
                        + " binary unit b, k, m, g (as the docker CLI reads them). Example: \"128m\".");
        assertThatThrownBy(() -> Units.bytes("memory", "0.99b", "\"256m\"")).isInstanceOf(InvalidSpecException.class);
        assertThat(Units.bytes("shm size", "1.5", "x")).isEqualTo(1L);
        assertThat(Units.bytes("shm size", "0.5k", "x")).isEqualTo(512L);
    }

    @Test
    void formatsExactBinarySizes() {
        assertThat(Units.format(268_435_456L)).isEqualTo("256m");
        assertThat(Units.format(1_610_612_736L)).isEqualTo("1536m");
        assertThat(Units.format(1000L)).isEqualTo("1000");
    }
}
