package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.redis.RedisSpec;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every test sees the seed, through the HikariCP pool and the Redis client the cached context created once:
 * each test after the first gets a fresh copy behind the same loopback endpoint.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PooledResetTest {
    static final Set<String> COPIES = ConcurrentHashMap.newKeySet();
    static final Set<String> URLS = ConcurrentHashMap.newKeySet();

    @BerthServiceConnection(resetPerTest = true)
    static PostgresSpec db = PostgresSpec.of().withInitScript("classpath:seed.sql")
            .withStartupTimeout(java.time.Duration.ofMinutes(3));
    @BerthServiceConnection(resetPerTest = true)
    static RedisSpec cache = RedisSpec.of();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    BerthServices services;

    @RepeatedTest(3)
    void everyTestSeesTheSeed() {
        assertThat(jdbc.queryForList("SELECT name FROM item ORDER BY id", String.class)).containsExactly("seed-1", "seed-2");
        assertThat(redis.opsForValue().get("written")).isNull();

        jdbc.update("INSERT INTO item (name) VALUES ('dirt')");
        jdbc.update("DELETE FROM item WHERE name = 'seed-1'");
        redis.opsForValue().set("written", "yes");

        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        URLS.add(((HikariDataSource) dataSource).getJdbcUrl());
        assertThat(URLS).as("the pool's URL never changes").hasSize(1);
        COPIES.add(services.container("db").orElseThrow().id());
        assertThat(COPIES).as("a fresh copy per test").hasSizeGreaterThanOrEqualTo(1);
    }
}
