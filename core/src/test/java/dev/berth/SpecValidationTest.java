package dev.berth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.wait.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exact texts of the validation errors of containers, execs, networks and waits (no engine). */
class SpecValidationTest {
    final ContainerSpec spec = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1");

    @Test
    void portsOutside1To65535() {
        assertThatThrownBy(() -> spec.withExposedPorts(0)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid exposed port: 0. Allowed: 1 to 65535. Example: 6379.");
        assertThatThrownBy(() -> spec.withExposedPorts(80, 65536)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid exposed port: 65536. Allowed: 1 to 65535. Example: 6379.");
        assertThatThrownBy(() -> spec.withFixedPort(-1, 8080)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid container port: -1. Allowed: 1 to 65535. Example: 6379.");
        assertThatThrownBy(() -> spec.withFixedPort(80, 70000)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid host port: 70000. Allowed: 1 to 65535. Example: 6379.");
        assertThatThrownBy(() -> Wait.forListeningPorts(99999)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid wait port: 99999. Allowed: 1 to 65535. Example: 6379.");
        assertThatThrownBy(() -> Wait.forHttp("/").forPort(0)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid HTTP wait port: 0. Allowed: 1 to 65535. Example: 8080.");
    }

    @Test
    void negativeTimeouts() {
        assertThatThrownBy(() -> spec.withStartupTimeout(Duration.ofSeconds(-3)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid startup timeout: \"PT-3S\". Allowed: a positive duration."
                        + " Example: Duration.ofSeconds(60).");
        assertThatThrownBy(() -> ExecSpec.of("ls").withTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid exec timeout: \"PT-0.001S\". Allowed: a positive duration."
                        + " Example: Duration.ofSeconds(10).");
        assertThatThrownBy(() -> StopPolicy.graceful(Duration.ofSeconds(-10)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid stop grace period: \"PT-10S\". Allowed: zero or a positive duration."
                        + " Example: StopPolicy.graceful(Duration.ofSeconds(10)).");
        assertThatThrownBy(() -> Healthcheck.shell("true").withInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid healthcheck interval: \"PT-1S\". Allowed: a positive duration."
                        + " Example: Duration.ofSeconds(1).");
    }

    @Test
    void duplicateAliasesWithinOneAttachmentAndNetworkTwice() {
        assertThatThrownBy(() -> spec.withNetwork("backend", "db", "db"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid network aliases: \"db,db\". Allowed: each alias once per network."
                        + " Example: List.of(\"db\", \"postgres\").");
        assertThatThrownBy(() -> spec.withNetwork("backend", "db").withNetwork("backend", "cache"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid network: \"backend\". Allowed: each network once per container."
                        + " Example: withNetwork(\"backend\", \"db\", \"postgres\").");
    }

    @Test
    void execNetworkAndWaitValues() {
        assertThatThrownBy(ExecSpec::of).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid exec command: \"[]\". Allowed: a program and its arguments, none null."
                        + " Example: ExecSpec.of(\"sh\", \"-c\", \"echo hi\").");
        assertThatThrownBy(() -> NetworkSpec.of("bad name")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid network name: \"bad name\". Allowed: 1 to 41 letters, digits, '.', '-' or '_',"
                        + " starting with a letter or digit. Example: \"backend\".");
        assertThatThrownBy(() -> NetworkSpec.of("n").withLabel("dev.berth.session", "x"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid network label: \"dev.berth.session\". Allowed: a non-empty key outside the"
                        + " reserved dev.berth. prefix. Example: \"com.example.team\".");
        assertThatThrownBy(() -> Wait.forLogMessage("ready", 0)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid log message count: 0. Allowed: 1 or more. Example: 2.");
        assertThatThrownBy(() -> Wait.forLogMessage("([unclosed")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid log message regex: \"([unclosed\". Allowed: a java.util.regex pattern matching"
                        + " a whole line. Example: \".*Ready to accept connections.*\".");
        assertThatThrownBy(() -> Wait.forHttp("health")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid HTTP wait path: \"health\". Allowed: a path starting with '/'."
                        + " Example: \"/health\".");
    }

    @Test
    void mountCliForm() {
        org.assertj.core.api.Assertions.assertThat(Mount.bind("/src", "/data").readOnlyMount()
                .withRelabel(Mount.Relabel.PRIVATE).cliForm()).isEqualTo("/src:/data:ro,Z");
        org.assertj.core.api.Assertions.assertThat(Mount.volume("cache", "/data")
                .withRelabel(Mount.Relabel.SHARED).cliForm()).isEqualTo("cache:/data:z");
    }
}
