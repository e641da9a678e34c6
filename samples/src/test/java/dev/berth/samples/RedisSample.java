package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WithLimits;
import dev.berth.junit.WaitFor;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Sample 2 — Redis with a real client (Jedis), one fresh container per test, under a 64 MiB
 * memory limit. The instance field makes the container per-test: no test sees another's keys.
 */
@DockerTest
class RedisSample {
    private static final long LIMIT = 64L * 1024 * 1024;

    @Container(image = "localhost:5000/berth-fixtures/redis:7", ports = 6379,
               command = {"redis-server", "--bind", "0.0.0.0", "--protected-mode", "no",
                          "--maxmemory", "32mb", "--maxmemory-policy", "allkeys-lru"},
               waitFor = @WaitFor(log = ".*Ready to accept connections.*"))
    @WithLimits(memory = "64m")
    RunningContainer redis;

    @Test
    void theCgroupLimitIsTheDeclaredOne() {
        String limit = redis.exec("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").stdout().trim();
        assertThat(Long.parseLong(limit)).isEqualTo(LIMIT);
    }

    @Test
    void writingMoreThanTheLimitKeepsRedisUnderIt() {
        try (Jedis jedis = jedis()) {
            assertThat(jedis.dbSize()).as("a fresh container per test").isZero();
            String value = "x".repeat(64 * 1024);
            for (int i = 0; i < 1000; i++) {          // 64 MB of values into a 32 MB maxmemory
                jedis.set("key-" + i, value);
            }
            long rss = Long.parseLong(info(jedis, "used_memory_rss"));
            assertThat(rss).as("INFO memory: used_memory_rss").isLessThan(LIMIT);
            assertThat(info(jedis, "maxmemory")).isEqualTo(Long.toString(32L * 1024 * 1024));
            assertThat(jedis.dbSize()).as("allkeys-lru evicted keys instead of growing").isLessThan(1000);
            assertThat(redis.state().running()).as("not OOM-killed").isTrue();
        }
    }

    @Test
    void eachTestStartsWithAnEmptyDatabase() {
        try (Jedis jedis = jedis()) {
            assertThat(jedis.dbSize()).isZero();
            jedis.set("only-in-this-test", "1");
            assertThat(jedis.dbSize()).isEqualTo(1);
        }
    }

    private Jedis jedis() {
        return new Jedis(redis.host(), redis.mappedPort(6379));
    }

    private static String info(Jedis jedis, String field) {
        return jedis.info("memory").lines().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).trim()).findFirst().orElseThrow();
    }
}
