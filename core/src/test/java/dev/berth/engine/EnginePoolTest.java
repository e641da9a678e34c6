package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Engine;
import dev.berth.EngineOptions;
import dev.berth.EngineUnavailableException;
import dev.berth.InvalidSpecException;
import dev.berth.faults.FaultyEngineProxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines of a run by owner, against the real engine: a pool of the local socket and a proxy the test owns
 * in front of it (so the proxy can "lose" its engine without touching the shared daemon).
 */
class EnginePoolTest {
    private static final String LOCAL = "unix:///var/run/docker.sock";
    private static final String MISSING = "unix:///nonexistent/docker.sock";

    @TempDir
    Path tmp;

    @Test
    void withoutAPoolEveryOwnerSharesOneEngine() {
        try (EnginePool pool = EnginePool.of(EngineOptions.defaults().withDockerHost(LOCAL))) {
            assertThat(pool.isPool()).isFalse();
            assertThat(pool.place("A")).isEmpty();
            assertThat(pool.connected("A")).isEmpty();
            Engine a = pool.engine("A");
            assertThat(pool.engine("B")).isSameAs(a);
            assertThat(pool.connected("C")).containsSame(a);
            assertThat(pool.engines()).containsExactly(a);
            assertThat(pool.lostAfter("A", new EngineUnavailableException(java.util.List.of("x")))).isFalse();
        }
    }

    @Test
    void ownersSpreadOverThePoolAndALostEngineFailsOnlyItsOwners() throws Exception {
        try (FaultyEngineProxy proxy = FaultyEngineProxy.unix(tmp.resolve("engine.sock"));
             EnginePool pool = EnginePool.of(EngineOptions.defaults().withDockerHosts(LOCAL + "," + proxy.dockerHost()))) {
            assertThat(pool.isPool()).isTrue();
            Engine a = pool.engine("A");
            Engine b = pool.engine("B");
            assertThat(a.endpoint().dockerHost()).isEqualTo(LOCAL);
            assertThat(b.endpoint().dockerHost()).isEqualTo(proxy.dockerHost());
            assertThat(pool.engine("C")).as("one engine per endpoint").isSameAs(a);
            assertThat(a.session().id()).isNotEqualTo(b.session().id());

            proxy.closeAll();
            RuntimeException failure = null;
            try {
                b.docker().listContainersCmd().exec();
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).isInstanceOf(EngineUnavailableException.class);
            assertThat(pool.lostAfter("A", failure)).as("A's engine answers").isFalse();
            assertThat(pool.lostAfter("B", new IllegalStateException("an assertion"))).isFalse();
            assertThat(pool.lostAfter("B", new IllegalStateException("wrapped", failure))).isTrue();

            assertThatThrownBy(() -> pool.engine("B")).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageStartingWith("The engine at " + proxy.dockerHost() + " is lost: it stopped answering "
                            + "mid-run (the connection failed: ")
                    .hasMessageEndingWith(").\nB was placed on it (berth.docker.hosts) and fails; what runs on the "
                            + "other engines of the pool goes on. Containers left on " + proxy.dockerHost()
                            + " are swept by the age rule once it answers again.");
            assertThat(pool.engine("A").docker().pingCmd().exec()).as("A goes on").isNull();
            assertThat(pool.place("D")).as("nothing new on a lost engine").isEqualTo(LOCAL);
            pool.release("B");
            assertThat(pool.place("E")).isEqualTo(LOCAL);
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerFailsItsFirstOwnerAndTakesNoOther() {
        try (EnginePool pool = EnginePool.of(EngineOptions.defaults().withDockerHosts(LOCAL + "," + MISSING))) {
            pool.engine("A");
            assertThatThrownBy(() -> pool.engine("B")).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining(MISSING + " (pinned endpoint): no socket at /nonexistent/docker.sock");
            assertThatThrownBy(() -> pool.engine("B")).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageStartingWith("The engine at " + MISSING + " is lost: it did not answer when first "
                            + "connected (no socket at /nonexistent/docker.sock).\nB was placed on it");
            assertThat(pool.engine("C").endpoint().dockerHost()).isEqualTo(LOCAL);
            pool.release("A");
            pool.release("C");
            assertThat(pool.place("D")).isEqualTo(LOCAL);
        }
    }

    @Test
    void whenEveryEngineIsLostNewOwnersAreToldWhy() {
        try (EnginePool pool = EnginePool.of(EngineOptions.defaults().withDockerHosts(MISSING))) {
            assertThatThrownBy(() -> pool.engine("A")).isInstanceOf(EngineUnavailableException.class);
            assertThatThrownBy(() -> pool.engine("B")).isInstanceOf(EngineUnavailableException.class)
                    .hasMessage("No Docker engine answered. Tried:\n  - No engine of the pool is left for B: {"
                            + MISSING + "=it did not answer when first connected (no socket at "
                            + "/nonexistent/docker.sock)}\nEvery engine of berth.docker.hosts is lost; start them "
                            + "again, or name others.");
        }
    }

    @Test
    void thePoolIsReadFromItsPropertyOrVariableAndConflictsWithAPinnedHost() {
        String pool = LOCAL + ",tcp://127.0.0.1:2376";
        assertThat(options(Map.of("berth.docker.hosts", pool), Map.of()).dockerHosts())
                .containsExactly(LOCAL, "tcp://127.0.0.1:2376");
        assertThat(options(Map.of(), Map.of("BERTH_DOCKER_HOSTS", pool)).dockerHosts()).hasSize(2);
        assertThat(options(Map.of("berth.docker.hosts", LOCAL), Map.of("BERTH_DOCKER_HOSTS", pool)).dockerHosts())
                .as("the property wins").containsExactly(LOCAL);
        assertThat(options(Map.of(), Map.of()).dockerHosts()).isEmpty();
        assertThat(EngineOptions.defaults().withSetting("berth.docker.hosts", pool).dockerHosts()).hasSize(2);
        assertThatThrownBy(() -> options(Map.of("berth.docker.hosts", pool, "berth.docker.host", LOCAL), Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid docker hosts: \"" + pool + "\". Allowed: either berth.docker.host (one engine, "
                        + "here " + LOCAL + ") or berth.docker.hosts (a pool), not both. Example: "
                        + "berth.docker.hosts=unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> EngineOptions.defaults().withDockerHosts(LOCAL + ",,tcp://127.0.0.1:2376"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid docker hosts: \"" + LOCAL + ",,tcp://127.0.0.1:2376\". Allowed: distinct "
                        + "unix:///path or tcp://host:port endpoints, separated by commas, none empty. Example: "
                        + "unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> options(Map.of(), Map.of("BERTH_DOCKER_HOSTS", "ssh://build-2")))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("Invalid docker hosts: \"ssh://build-2\"");
    }

    private static EngineOptions options(Map<String, String> properties, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(properties);
        return EngineOptions.from(p, env, Path.of("/nonexistent"));
    }
}
