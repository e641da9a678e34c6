package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Sample 6 — the programmatic API without Berth's JUnit annotations: for users who manage
 * lifecycles themselves. Everything is try-with-resources; closing the engine removes whatever
 * it still holds.
 */
class ProgrammaticRedisSample {

    @Test
    void storesAndReadsAKeyInARealRedis() {
        try (Engine engine = Berth.connect();
             RunningContainer redis = engine.start(ContainerSpec.of("localhost:5000/berth-fixtures/redis:7")
                     .withExposedPorts(6379))) {
            try (Jedis jedis = new Jedis(redis.host(), redis.mappedPort(6379))) {
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "PONG".equals(jedis.ping()));
                jedis.set("greeting", "hello from berth");
                assertThat(jedis.get("greeting")).isEqualTo("hello from berth");
            }
        }
    }
}
