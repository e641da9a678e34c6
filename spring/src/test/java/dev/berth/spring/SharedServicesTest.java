package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.EngineOptions;
import dev.berth.ImageNotFoundException;
import dev.berth.RunningContainer;
import dev.berth.modules.redis.RedisSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The registry behind {@code @BerthServiceConnection(shared = true)}, on the real engine: one container per
 * shared service however many contexts take it concurrently, removed with the last reference; a failed start
 * leaves nothing held and a later context tries again.
 */
class SharedServicesTest {

    static class Cache {
        @BerthServiceConnection(shared = true)
        static RedisSpec cache = RedisSpec.of();
    }

    static class Broken {
        @BerthServiceConnection(shared = true)
        static ContainerSpec cache = ContainerSpec.of("redis:berth-no-such-tag");
    }

    private final AtomicInteger connections = new AtomicInteger();
    private final SharedServices registry = new SharedServices(() -> {
        connections.incrementAndGet();
        return Berth.connect(EngineOptions.fromEnvironment());
    });

    @Test
    void contextsTakingAServiceConcurrentlyShareOneContainerUntilTheLastReleases() throws Exception {
        List<Declaration> declared = Declaration.of(Cache.class, name -> true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        SharedServices.Lease first;
        SharedServices.Lease second;
        try {
            Future<SharedServices.Lease> a = pool.submit(() -> {
                go.await();
                return registry.acquire(declared);
            });
            Future<SharedServices.Lease> b = pool.submit(() -> {
                go.await();
                return registry.acquire(declared);
            });
            go.countDown();
            first = a.get();
            second = b.get();
        } finally {
            pool.shutdown();
        }
        RunningContainer container = first.containers().get(declared.get(0));
        assertThat(second.containers().get(declared.get(0)).id()).isEqualTo(container.id());
        assertThat(registry.size()).isEqualTo(1);
        assertThat(connections).hasValue(1);

        try (Engine probe = Berth.connect()) {
            String session = probe.docker().inspectContainerCmd(container.id()).exec().getConfig().getLabels()
                    .get("dev.berth.session");
            assertThat(probe.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("dev.berth.session", session)).exec())
                    .as("containers of the registry's session").extracting(c -> c.getId()).containsExactly(container.id());

            first.close();
            first.close(); // a lease releases once
            assertThat(probe.docker().inspectContainerCmd(container.id()).exec().getState().getRunning())
                    .as("still referenced by the second context").isTrue();

            second.close();
            assertThat(ContextCachingTest.exists(probe, container.id())).as("removed with the last reference").isFalse();
            assertThat(registry.size()).isZero();
        }

        try (SharedServices.Lease again = registry.acquire(declared)) {
            assertThat(again.containers().get(declared.get(0)).id()).isNotEqualTo(container.id());
            assertThat(connections).as("the engine closed with the last lease; a new one for the next").hasValue(2);
        }
    }

    @Test
    void aFailedStartHoldsNothingAndIsTriedAgain() {
        List<Declaration> declared = Declaration.of(Broken.class, name -> true);

        assertThatThrownBy(() -> registry.acquire(declared)).isInstanceOf(ImageNotFoundException.class);
        assertThat(registry.size()).isZero();
        assertThatThrownBy(() -> registry.acquire(declared)).isInstanceOf(ImageNotFoundException.class);
        assertThat(connections).as("tried again on a new engine, the first closed with the failure").hasValue(2);
        assertThat(registry.size()).isZero();
    }
}
