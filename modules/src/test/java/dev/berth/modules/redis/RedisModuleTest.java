package dev.berth.modules.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisModuleTest {
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void uriReachesTheServerWithJedis() {
        try (RedisContainer redis = RedisSpec.of().start(engine); Jedis jedis = new Jedis(URI.create(redis.uri()))) {
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
            jedis.set("berth", "moored");
            assertThat(jedis.get("berth")).isEqualTo("moored");
            assertThat(redis.container().exec(redis.snapshotPrepareCommand().toArray(String[]::new)).stdout()).contains("OK");
        }
    }

    @Test
    void passwordIsRequiredAndCarriedInTheUri() {
        try (RedisContainer redis = RedisSpec.of().withPassword("s3cret").start(engine);
             Jedis jedis = new Jedis(URI.create(redis.uri()))) {
            assertThat(redis.uri()).isEqualTo("redis://:s3cret@127.0.0.1:" + redis.port());
            assertThat(jedis.ping()).isEqualTo("PONG");
            try (Jedis anonymous = new Jedis(redis.host(), redis.port())) {
                assertThatThrownBy(anonymous::ping).hasMessageContaining("NOAUTH");
            }
            assertThat(RedisContainer.of(redis.container()).password()).contains("s3cret");
        }
    }

    @Test
    void wrongPasswordEndsTheWaitAtOnce() {
        assertThatThrownBy(() -> RedisSpec.of().withPassword("right")
                .start(engine, s -> s.withCommand("redis-server", "--bind", "0.0.0.0", "--protected-mode", "no",
                        "--requirepass", "other")))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("Redis refused the password: -WRONGPASS");
    }

    @Test
    void invalidPasswordIsRejectedInCoresFormat() {
        assertThatThrownBy(() -> RedisSpec.of().withPassword("a\nb"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid Redis password: \"****\". Allowed: a non-empty text without control characters. "
                        + "Example: \"s3cret\".");
    }
}
