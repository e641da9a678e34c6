package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.redis.RedisSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code @BerthServiceConnection(shared = true)}: test classes with different application contexts (here
 * different properties) share one container, which lives until the last of those contexts closes; a
 * service declared without {@code shared} still gets a container per context. Also with parallel classes,
 * and when a context's refresh fails.
 */
class SharedContextsTest {
    static final Map<String, String> SHARED = new ConcurrentHashMap<>();
    static final Map<String, String> OWN = new ConcurrentHashMap<>();
    static final Map<String, Boolean> SHARED_RUNNING = new ConcurrentHashMap<>();
    static final List<String> SESSION_WHILE_BOTH_CACHED = new CopyOnWriteArrayList<>();

    @SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    abstract static class Base {
        @BerthServiceConnection(shared = true)
        static PostgresSpec db = PostgresSpec.of().withStartupTimeout(Duration.ofMinutes(3));
        @BerthServiceConnection
        static RedisSpec cache = RedisSpec.of();

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        StringRedisTemplate redis;
        @Autowired
        BerthServices services;

        RunningContainer record(String name) {
            assertThat(jdbc.queryForObject("SELECT 40 + 2", Integer.class)).isEqualTo(42);
            redis.opsForValue().set("k", name);
            assertThat(redis.opsForValue().get("k")).isEqualTo(name);
            RunningContainer shared = services.container("db").orElseThrow();
            SHARED.put(name, shared.id());
            SHARED_RUNNING.put(name, shared.state().running());
            OWN.put(name, services.container("cache").orElseThrow().id());
            return shared;
        }
    }

    @Order(1)
    @TestPropertySource(properties = "berth.test.context=a")
    static class FirstInA extends Base {
        @Test
        void uses() {
            record("firstInA");
        }
    }

    @Order(2)
    @TestPropertySource(properties = "berth.test.context=b")
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    static class InB extends Base {
        @Test
        void uses() {
            RunningContainer shared = record("inB");
            var docker = services.engine().docker();
            String session = docker.inspectContainerCmd(shared.id()).exec().getConfig().getLabels().get("dev.berth.session");
            docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("dev.berth.session", session)).exec()
                    .forEach(c -> SESSION_WHILE_BOTH_CACHED.add(c.getId()));
        }
    }

    @Order(3)
    @TestPropertySource(properties = "berth.test.context=a")
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    static class SecondInA extends Base {
        @Test
        void uses() {
            record("secondInA");
        }
    }

    @Test
    void oneContainerBacksEveryContextUntilTheLastCloses() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .selectors(selectClass(FirstInA.class), selectClass(InB.class), selectClass(SecondInA.class)).execute();

        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        String db = SHARED.get("firstInA");
        assertThat(SHARED).as("the shared container of contexts a, b, a").containsOnlyKeys("firstInA", "inB", "secondInA")
                .allSatisfy((test, id) -> assertThat(id).isEqualTo(db));
        assertThat(SESSION_WHILE_BOTH_CACHED).as("containers of the shared service's session while a and b are cached")
                .containsExactly(db);
        assertThat(SHARED_RUNNING.get("secondInA")).as("still running after context b closed").isTrue();
        assertThat(OWN.get("secondInA")).as("context a, cached").isEqualTo(OWN.get("firstInA"));
        assertThat(OWN.get("inB")).as("a service without shared: one per context").isNotEqualTo(OWN.get("firstInA"));
        try (Engine probe = Berth.connect()) {
            for (String id : List.of(db, OWN.get("firstInA"), OWN.get("inB"))) {
                assertThat(ContextCachingTest.exists(probe, id)).as("container %s after both contexts closed", id).isFalse();
            }
        }
    }

    static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);
    static final Map<String, String> PARALLEL = new ConcurrentHashMap<>();

    /** An application without auto-configuration (no DataSource wanted): the services bean is enough here. */
    @Configuration(proxyBeanMethods = false)
    static class Bare {
    }

    @SpringBootTest(classes = Bare.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    abstract static class ParallelBase {
        @BerthServiceConnection(shared = true)
        static RedisSpec parallelCache = RedisSpec.of();

        @Autowired
        BerthServices services;

        @BeforeAll
        static void meet() throws Exception {
            BOTH_RUNNING.await(3, TimeUnit.MINUTES); // both classes run at once, each loading its context
        }

        void record(String name) {
            RunningContainer shared = services.container("parallelCache").orElseThrow();
            assertThat(shared.state().running()).isTrue();
            PARALLEL.put(name, shared.id());
        }
    }

    @TestPropertySource(properties = "berth.test.context=p1")
    static class ParallelOne extends ParallelBase {
        @Test
        void uses() {
            record("one");
        }
    }

    @TestPropertySource(properties = "berth.test.context=p2")
    static class ParallelTwo extends ParallelBase {
        @Test
        void uses() {
            record("two");
        }
    }

    @Test
    void parallelClassesWithSeparateContextsShareOneContainer() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(ParallelOne.class), selectClass(ParallelTwo.class)).execute();

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(PARALLEL).containsOnlyKeys("one", "two");
        assertThat(PARALLEL.get("two")).isEqualTo(PARALLEL.get("one"));
        try (Engine probe = Berth.connect()) {
            assertThat(ContextCachingTest.exists(probe, PARALLEL.get("one"))).as("after both contexts closed").isFalse();
        }
    }

    static final List<String> STARTED_FOR_FAILED = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    static class Boom {
        @Bean
        Object boom(BerthServices services) {
            STARTED_FOR_FAILED.add(services.container("failingCache").orElseThrow().id());
            throw new IllegalStateException("boom");
        }
    }

    @SpringBootTest(classes = Boom.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    static class FailingRefresh {
        @BerthServiceConnection(shared = true)
        static RedisSpec failingCache = RedisSpec.of();

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aFailedRefreshReleasesItsReference() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingRefresh.class)).execute();

        Throwable thrown = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(thrown).hasMessageStartingWith("Failed to load ApplicationContext").hasRootCauseMessage("boom");
        assertThat(STARTED_FOR_FAILED).hasSize(1);
        try (Engine probe = Berth.connect()) {
            assertThat(ContextCachingTest.exists(probe, STARTED_FOR_FAILED.get(0))).as("after the failed refresh").isFalse();
        }
    }
}
