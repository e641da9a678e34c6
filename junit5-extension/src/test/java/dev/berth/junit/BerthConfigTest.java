package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.PullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BerthConfigTest {
    @Test
    void defaults() {
        BerthConfig c = BerthConfig.from(key -> null);
        assertThat(c).isEqualTo(new BerthConfig(Duration.ofSeconds(60), PullPolicy.MISSING, null,
                Path.of("target/berth"), false));
    }

    @Test
    void readsEveryKey() {
        Map<String, String> p = Map.of("berth.startup-timeout", "2m", "berth.pull-policy", "never",
                "berth.registry.mirror", "127.0.0.1:5000", "berth.report-dir", "/tmp/r", "berth.keep-on-failure", "TRUE");
        assertThat(BerthConfig.from(p::get)).isEqualTo(new BerthConfig(Duration.ofMinutes(2), PullPolicy.NEVER,
                "127.0.0.1:5000", Path.of("/tmp/r"), true));
    }

    @Test
    void rejectsBadValuesWithTheKeyAndAnExample() {
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.startup-timeout", "0s")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter berth.startup-timeout: invalid value \"0s\". Allowed: a positive"
                        + " number with unit ms, s, m or h. Example: berth.startup-timeout=90s");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.registry.mirror", "http://mirror/")::get))
                .hasMessage("Configuration parameter berth.registry.mirror: invalid value \"http://mirror/\". Allowed:"
                        + " host or host:port, without scheme or path. Example: berth.registry.mirror=127.0.0.1:5000");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.keep-on-failure", "yes")::get))
                .hasMessage("Configuration parameter berth.keep-on-failure: invalid value \"yes\". Allowed: true or"
                        + " false. Example: berth.keep-on-failure=true");
    }

    @Test
    void dockerHostIsAUnixOrTcpEndpoint() {
        assertThat(BerthConfig.dockerHost(key -> null)).isNull();
        assertThat(BerthConfig.dockerHost(Map.of("berth.docker.host", "unix:///run/user/1000/docker.sock")::get))
                .isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(BerthConfig.dockerHost(Map.of("berth.docker.host", "tcp://127.0.0.1:2376")::get))
                .isEqualTo("tcp://127.0.0.1:2376");
        assertThatThrownBy(() -> BerthConfig.dockerHost(Map.of("berth.docker.host", "ssh://me@host")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter berth.docker.host: invalid value \"ssh://me@host\". Allowed:"
                        + " unix:///path/to/docker.sock or tcp://host:port."
                        + " Example: berth.docker.host=unix:///var/run/docker.sock");
    }

    @Test
    void durationsFollowTheDockerCli() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("30")).isNull();
        assertThat(Durations.parse("-1s")).isNull();
    }
}
