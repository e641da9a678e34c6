package dev.berth;

import static dev.berth.Fixtures.BUSYBOX;
import static dev.berth.Fixtures.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import dev.berth.session.Session;
import dev.berth.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Misuse against the real engine: each a clear error naming the value, nothing left behind. */
class BadInputTest extends EngineTestSupport {
    List<Container> mine() {
        return engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Session.LABEL_SESSION, Internals.ledger(engine).id())).exec();
    }

    @Test
    void unknownNetworkIsNamedAndNothingIsCreated() {
        ContainerSpec spec = sleeper().withName("api").withNetwork("no-such-net-berth", "api");
        String expected = "Invalid network of api: \"no-such-net-berth\". Allowed: the name of an existing network;"
                + " create it first with engine.network(…) and pass its name(). Example:"
                + " withNetwork(backend.name(), \"db\").";
        assertThatThrownBy(() -> engine.start(spec)).isInstanceOf(InvalidSpecException.class).hasMessage(expected);
        assertThatThrownBy(() -> engine.startAll(sleeper().withName("ok"), spec))
                .isInstanceOf(InvalidSpecException.class).hasMessage(expected);
        assertThat(mine()).isEmpty();
        assertThat(Internals.ledger(engine).heldNewestFirst()).isEmpty();
    }

    @Test
    void duplicateAliasOnOneNetworkAmongSpecsStartedTogether() {
        try (Network net = engine.network("dup")) {
            ContainerSpec a = sleeper().withName("primary").withNetwork(net.name(), "db");
            ContainerSpec b = sleeper().withName("replica").withNetwork(net.name(), "db");
            assertThatThrownBy(() -> engine.startAll(a, b))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid network alias: \"db\". Allowed: an alias used by one container per network,"
                            + " but primary and replica both use it on network " + net.name()
                            + ". Example: distinct aliases such as \"db-primary\" and \"db-replica\".");
            assertThat(mine()).isEmpty();
        }
    }

    @Test
    void copyInOfAMissingFile() {
        try (RunningContainer c = engine.start(sleeper())) {
            assertThatThrownBy(() -> c.copyIn(Path.of("/no/such/file.txt"), "/tmp/x"))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid path to copy: \"/no/such/file.txt\". Allowed: an existing file or directory."
                            + " Example: Path.of(\"src/test/resources/conf\").");
        }
        assertThatThrownBy(() -> new FileCopy("/etc/x", new FileCopy.HostFile(Path.of("/no/such/file.txt")), 0644))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid file to copy: \"/no/such/file.txt\". Allowed: an existing regular file."
                        + " Example: Path.of(\"src/test/resources/init.sql\").");
        assertThat(mine()).isEmpty();
    }

    @Test
    void badTimeoutsOnTheHandle() {
        try (RunningContainer c = engine.start(sleeper().waitingFor(Wait.none()))) {
            assertThatThrownBy(() -> c.stop(Duration.ofSeconds(-1)))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid stop timeout: \"PT-1S\". Allowed: zero or a positive duration."
                            + " Example: Duration.ofSeconds(10).");
            assertThatThrownBy(() -> Wait.forListeningPort().waitUntilReady(c, Duration.ofMillis(-5)))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid wait timeout: \"PT-0.005S\". Allowed: zero or a positive duration."
                            + " Example: Duration.ofSeconds(60).");
            assertThatThrownBy(() -> c.kill("not a signal"))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid signal: \"not a signal\". Allowed: a signal name or number."
                            + " Example: \"SIGTERM\".");
            assertThat(c.state().running()).isTrue();
        }
    }

    @Test
    void unknownImageSpecNameCollisionIsRejected() {
        assertThatThrownBy(() -> engine.startAll(sleeper().withName("twin"), sleeper().withName("twin")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid container name: \"twin\". Allowed: a name used by one spec among those started"
                        + " together. Example: withName(\"db\").");
        assertThat(mine()).isEmpty();
        assertThat(BUSYBOX).isNotEmpty();
    }
}
