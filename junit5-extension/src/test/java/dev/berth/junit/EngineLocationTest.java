package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.berth.EngineUnavailableException;
import dev.berth.junit.fixtures.EngineFixtures;
import dev.berth.junit.fixtures.MetaAnnotatedFixture;
import dev.berth.junit.fixtures.Recorder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@code berth.docker.host} pins the engine: with nothing there, classes are disabled or fail, as declared. */
class EngineLocationTest {
    private static final Map<String, String> NO_ENGINE = Map.of("berth.docker.host", "unix:///nonexistent/docker.sock");
    private static final String ENGINE_ERROR = "No Docker engine answered. Tried:\n"
            + "  - unix:///nonexistent/docker.sock (pinned endpoint): no socket at /nonexistent/docker.sock\n"
            + "Start an engine at that endpoint, or pin one where an engine listens"
            + " (unix:///path/to/docker.sock or tcp://host:2376). Only the pinned endpoint is tried:"
            + " DOCKER_HOST and the default sockets are not.";

    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        assertThat(kit.leftoversAndClose()).isEmpty();
    }

    @Test
    void disabledWithoutDockerSkipsTheClassWhenThePinnedEngineIsMissing() {
        Kit.Run run = kit.run(NO_ENGINE, EngineFixtures.DisabledWithoutEngine.class, MetaAnnotatedFixture.class);
        String reason = "No Docker engine (disabledWithoutDocker = true): " + ENGINE_ERROR;
        run.results().containerEvents().assertThatEvents()
                .haveExactly(1, event(container(EngineFixtures.DisabledWithoutEngine.class), skippedWithReason(reason)))
                .haveExactly(1, event(container(MetaAnnotatedFixture.class), skippedWithReason(reason)));
        run.results().testEvents().assertStatistics(s -> s.started(0).skipped(0).failed(0));
        assertThat(Recorder.values("engine.ran")).isEmpty();
        assertThat(Recorder.values("meta")).isEmpty();
        assertThat(run.created()).as("containers created").isEmpty();
    }

    @Test
    void aMissingPinnedEngineFailsAPlainDockerTestWithTheEngineError() {
        Kit.Run run = kit.run(NO_ENGINE, EngineFixtures.NeedsEngine.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(EngineFixtures.NeedsEngine.class),
                finishedWithFailure(instanceOf(EngineUnavailableException.class), message(ENGINE_ERROR))));
        run.results().testEvents().assertStatistics(s -> s.started(0));
        assertThat(Recorder.values("engine.ran")).isEmpty();
        assertThat(run.created()).as("containers created").isEmpty();
    }

    @Test
    void aPinnedEngineThatAnswersIsUsed() {
        Kit.Run run = kit.run(Map.of("berth.docker.host", "unix:///var/run/docker.sock"), MetaAnnotatedFixture.class);
        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(run.created()).containsExactlyElementsOf(Recorder.values("meta")).noneMatch(kit::exists);
    }

    @Test
    void aPinnedValueThatIsNoEndpointFailsTheClassEvenWhenItMayBeDisabled() {
        Map<String, String> config = Map.of("berth.docker.host", "/var/run/docker.sock");
        String message = "Configuration parameter berth.docker.host: invalid value \"/var/run/docker.sock\". Allowed:"
                + " unix:///path/to/docker.sock or tcp://host:port. Example: berth.docker.host=unix:///var/run/docker.sock";
        Kit.Run plain = kit.run(config, EngineFixtures.NeedsEngine.class);
        plain.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(EngineFixtures.NeedsEngine.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(message))));
        // evaluated by the condition, which JUnit reports wrapped
        Kit.Run optIn = kit.run(config, EngineFixtures.DisabledWithoutEngine.class);
        optIn.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(EngineFixtures.DisabledWithoutEngine.class),
                finishedWithFailure(message("Failed to evaluate condition [dev.berth.junit.BerthExtension]: " + message),
                        cause(instanceOf(ExtensionConfigurationException.class), message(message)))));
        assertThat(Recorder.values("engine.ran")).isEmpty();
        assertThat(plain.created()).as("containers created").isEmpty();
        assertThat(optIn.created()).as("containers created").isEmpty();
    }
}
