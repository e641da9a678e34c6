package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.berth.EngineUnavailableException;
import dev.berth.modules.redis.RedisSpec;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.boot.test.context.SpringBootTest;

/** With no engine, the test fails with Berth's error as the direct cause, before any bean is created. */
class MissingEngineTest {

    @SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    static class NoEngine {
        @BerthServiceConnection
        static RedisSpec cache = RedisSpec.of();

        @Test
        void unreachable() {
        }
    }

    @Test
    void theBerthErrorComesFirst() {
        String before = System.getProperty(BerthServices.DOCKER_HOST);
        System.setProperty(BerthServices.DOCKER_HOST, "unix:///tmp/berth-spring-no-engine.sock");
        try {
            var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoEngine.class)).execute();
            Event failed = results.allEvents().failed().stream().findFirst().orElseThrow();
            Throwable thrown = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow().getThrowable().orElseThrow();
            assertThat(thrown).hasMessageStartingWith("Failed to load ApplicationContext");
            assertThat(thrown.getCause()).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("unix:///tmp/berth-spring-no-engine.sock");
        } finally {
            if (before == null) {
                System.clearProperty(BerthServices.DOCKER_HOST);
            } else {
                System.setProperty(BerthServices.DOCKER_HOST, before);
            }
        }
    }
}
