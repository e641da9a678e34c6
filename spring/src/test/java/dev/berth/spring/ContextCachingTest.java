package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.redis.RedisSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Spring caches the context of two classes that declare the same services: the containers live from the
 * first class to the moment the context closes (here {@code @DirtiesContext} after the second class), then
 * they are gone from the engine.
 */
class ContextCachingTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<Boolean> RUNNING_IN_SECOND = new CopyOnWriteArrayList<>();

    @SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    abstract static class Base {
        @BerthServiceConnection
        static PostgresSpec db = PostgresSpec.of().withStartupTimeout(java.time.Duration.ofMinutes(3));
        @BerthServiceConnection
        static RedisSpec cache = RedisSpec.of();

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        StringRedisTemplate redis;
        @Autowired
        BerthServices services;

        void useBoth() {
            assertThat(jdbc.queryForObject("SELECT 40 + 2", Integer.class)).isEqualTo(42);
            redis.opsForValue().set("k", "v");
            assertThat(redis.opsForValue().get("k")).isEqualTo("v");
        }
    }

    static class First extends Base {
        @Test
        void connects() {
            useBoth();
            services.names().forEach(n -> SEEN.add(services.container(n).orElseThrow().id()));
        }
    }

    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    static class Second extends Base {
        @Test
        void sameContainersStillServe() {
            useBoth();
            for (String n : services.names()) {
                RunningContainer c = services.container(n).orElseThrow();
                RUNNING_IN_SECOND.add(SEEN.contains(c.id()) && c.state().running());
            }
        }
    }

    @Test
    void containersLiveAsLongAsTheCachedContext() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(First.class), selectClass(Second.class)).execute();

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(SEEN).hasSize(2);
        assertThat(RUNNING_IN_SECOND).containsExactly(true, true);
        try (Engine probe = Berth.connect()) {
            for (String id : SEEN) {
                assertThat(exists(probe, id)).as("container %s after the context closed", id).isFalse();
            }
        }
    }

    /** @return whether the engine still has the container (inspect answers, or 404) */
    static boolean exists(Engine probe, String id) {
        try {
            probe.docker().inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
