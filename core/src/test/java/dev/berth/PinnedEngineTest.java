package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Berth#connect(String)} tries exactly the endpoint it is given. */
class PinnedEngineTest {

    @Test
    void aMissingSocketIsTheOnlyLocationTried() {
        assertThatThrownBy(() -> Berth.connect("unix:///nonexistent/docker.sock"))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("No Docker engine answered. Tried:\n"
                        + "  - unix:///nonexistent/docker.sock (pinned endpoint): no socket at /nonexistent/docker.sock\n"
                        + "Start an engine at that endpoint, or pin one where an engine listens"
                        + " (unix:///path/to/docker.sock or tcp://host:2376). Only the pinned endpoint is tried:"
                        + " DOCKER_HOST and the default sockets are not.")
                .extracting(e -> ((EngineUnavailableException) e).attempts()).asList()
                .containsExactly("unix:///nonexistent/docker.sock (pinned endpoint): no socket at /nonexistent/docker.sock");
    }

    @Test
    void anUnsupportedSchemeIsNamed() {
        assertThatThrownBy(() -> Berth.connect("ssh://user@example"))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("No Docker engine answered. Tried:\n"
                        + "  - ssh://user@example (pinned endpoint): unsupported scheme;"
                        + " use unix:///path/to/docker.sock or tcp://host:port\n");
    }

    @Test
    void theRealSocketConnects() {
        try (Engine engine = Berth.connect(" unix:///var/run/docker.sock ")) {
            assertThat(engine.docker().pingCmd().exec()).isNull();
            assertThat(engine.endpoint()).isEqualTo(
                    new dev.berth.EngineEndpoint("unix:///var/run/docker.sock", false, java.util.Optional.empty(), "pinned endpoint"));
        }
    }
}
