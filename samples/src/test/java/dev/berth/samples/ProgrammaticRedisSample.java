package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Limits;
import dev.berth.RunningContainer;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Sample 6 — the same Redis as {@link RedisSample}, with the programmatic API and no Berth
 * annotations: for users who manage lifecycles themselves (or use another test framework).
 * Everything is try-with-resources; closing the engine removes whatever it still holds.
 */
class ProgrammaticRedisSample {
    private static final ContainerSpec REDIS = ContainerSpec.of("localhost:5000/berth-fixtures/redis:7")
            .withExposedPorts(6379)
            .withLimits(Limits.memory("64m"))
            .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

    @Test
    void storesAndReadsAKeyInARealRedisUnderAMemoryLimit() {
        try (Engine engine = Berth.connect();
             RunningContainer redis = engine.start(REDIS);
             Jedis jedis = new Jedis(redis.host(), redis.mappedPort(6379))) {
            jedis.set("greeting", "hello from berth");
            assertThat(jedis.get("greeting")).isEqualTo("hello from berth");
            assertThat(redis.exec("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").stdout().trim())
                    .isEqualTo(Long.toString(64L * 1024 * 1024));
        }
    }
}
