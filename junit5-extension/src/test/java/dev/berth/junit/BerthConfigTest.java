package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.EngineOptions;
import dev.berth.PullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BerthConfigTest {
    @Test
    void defaults() {
        BerthConfig c = BerthConfig.from(key -> null);
        assertThat(c).isEqualTo(new BerthConfig(Duration.ofSeconds(60), PullPolicy.MISSING, Optional.empty(),
                Path.of("target/berth"), false, Optional.empty(), Optional.empty(), 1));
    }

    @Test
    void readsEveryKey() {
        Map<String, String> p = Map.of("berth.startup-timeout", "2m", "berth.pull-policy", "never",
                "berth.registry.mirror", "127.0.0.1:5000", "berth.report-dir", "/tmp/r", "berth.keep-on-failure", "TRUE",
                "berth.docker.host", "tcp://127.0.0.1:2376", "berth.prepare-ahead", "2");
        assertThat(BerthConfig.from(p::get)).isEqualTo(new BerthConfig(Duration.ofMinutes(2), PullPolicy.NEVER,
                Optional.of("127.0.0.1:5000"), Path.of("/tmp/r"), true, Optional.of("tcp://127.0.0.1:2376"),
                Optional.empty(), 2));
    }

    @Test
    void dockerHostsNameAPoolThatReplacesTheEnvironmentsEngine() {
        String pool = "unix:///var/run/docker.sock,tcp://127.0.0.1:2376";
        BerthConfig c = BerthConfig.from(Map.of("berth.docker.hosts", pool)::get);
        assertThat(c.dockerHosts()).contains(pool);
        assertThat(c.engineOptions().dockerHosts()).containsExactly("unix:///var/run/docker.sock", "tcp://127.0.0.1:2376");
        assertThat(c.engineOptions().dockerHost()).isEmpty();
    }

    @Test
    void aBadPoolIsRefusedWithCoresRule() {
        String prefix = "Configuration parameter berth.docker.hosts: Invalid docker hosts: ";
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.docker.hosts",
                "unix:///var/run/docker.sock,,tcp://127.0.0.1:2376")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(prefix + "\"unix:///var/run/docker.sock,,tcp://127.0.0.1:2376\". Allowed: distinct "
                        + "unix:///path or tcp://host:port endpoints, separated by commas, none empty. Example: "
                        + "unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.docker.hosts", "unix:///var/run/docker.sock,"
                + "ssh://build-2")::get)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(prefix + "\"unix:///var/run/docker.sock,ssh://build-2\". Allowed: distinct "
                        + "unix:///path or tcp://host:port endpoints, separated by commas, none empty. Example: "
                        + "unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.docker.hosts", ",")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(prefix + "\",\". Allowed: at least one unix:///path or tcp://host:port endpoint. "
                        + "Example: unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.docker.hosts", "tcp://127.0.0.1:2376",
                "berth.docker.host", "unix:///var/run/docker.sock")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(prefix + "\"tcp://127.0.0.1:2376\". Allowed: either berth.docker.host (one engine, here "
                        + "unix:///var/run/docker.sock) or berth.docker.hosts (a pool), not both. Example: "
                        + "berth.docker.hosts=unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
    }

    @Test
    void theEngineConnectsWithTheHostAndMirrorOfTheParameters() {
        EngineOptions options = BerthConfig.from(Map.of("berth.registry.mirror", "127.0.0.1:5000",
                "berth.docker.host", "unix:///run/user/1000/docker.sock")::get).engineOptions();
        assertThat(options.registryMirror()).contains("127.0.0.1:5000");
        assertThat(options.dockerHost()).contains("unix:///run/user/1000/docker.sock");
    }

    @Test
    void rejectsBadValuesWithTheKeyAndAnExample() {
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.startup-timeout", "0s")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter berth.startup-timeout: Invalid value: \"0s\". Allowed: a whole"
                        + " number above zero with ms, s, m, h or d. Example: \"90s\".");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.startup-timeout", "1.5m")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter berth.startup-timeout: Invalid value: \"1.5m\". Allowed: a whole"
                        + " number with ms, s, m, h or d. Example: \"1h\".");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.registry.mirror", "http://mirror/")::get))
                .hasMessage("Configuration parameter berth.registry.mirror: Invalid registry mirror: \"http://mirror/\"."
                        + " Allowed: host[:port] of a registry, no scheme or path. Example: localhost:5000.");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.keep-on-failure", "yes")::get))
                .hasMessage("Configuration parameter berth.keep-on-failure: invalid value \"yes\". Allowed: true or"
                        + " false. Example: berth.keep-on-failure=true");
    }

    @Test
    void dockerHostIsAUnixOrTcpEndpoint() {
        assertThat(BerthConfig.from(key -> null).dockerHost()).isEmpty();
        assertThat(BerthConfig.from(Map.of("berth.docker.host", "tcp://127.0.0.1:2376")::get).dockerHost())
                .contains("tcp://127.0.0.1:2376");
        assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.docker.host", "ssh://me@host")::get))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter berth.docker.host: invalid value \"ssh://me@host\". Allowed:"
                        + " unix:///path/to/docker.sock or tcp://host:port."
                        + " Example: berth.docker.host=unix:///var/run/docker.sock");
    }

    @Test
    void durationsAreCoresGrammar() {
        assertThat(BerthConfig.from(Map.of("berth.startup-timeout", "500ms")::get).startupTimeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(BerthConfig.from(Map.of("berth.startup-timeout", "1d")::get).startupTimeout())
                .isEqualTo(Duration.ofDays(1));
        assertThat(BerthConfig.from(Map.of("berth.startup-timeout", "30S")::get).startupTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void prepareAheadIsADepthFromZeroToFour() {
        assertThat(BerthConfig.from(Map.of("berth.prepare-ahead", "0")::get).prepareAhead()).isZero();
        assertThat(BerthConfig.from(Map.of("berth.prepare-ahead", "4")::get).prepareAhead()).isEqualTo(4);
        for (String bad : new String[] {"5", "-1", "off", "1.5"}) {
            assertThatThrownBy(() -> BerthConfig.from(Map.of("berth.prepare-ahead", bad)::get))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("Configuration parameter berth.prepare-ahead: invalid value \"" + bad + "\". Allowed:"
                            + " a whole number from 0 (off) to 4: how many fresh containers per spec to start ahead of"
                            + " the tests that get them. Example: berth.prepare-ahead=0");
        }
    }
}
