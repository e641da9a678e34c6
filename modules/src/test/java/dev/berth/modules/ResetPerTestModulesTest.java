package dev.berth.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import dev.berth.junit.Use;
import dev.berth.modules.mariadb.MariaDbContainer;
import dev.berth.modules.mariadb.MariaDbSpec;
import dev.berth.modules.postgres.PostgresContainer;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.redis.RedisContainer;
import dev.berth.modules.redis.RedisSpec;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import redis.clients.jedis.Jedis;

/**
 * The modules under the JUnit extension: {@code @Container} on a module's core spec, {@code @ResetPerTest}
 * with no prepare command (the module's CHECKPOINT / FLUSH TABLES / SAVE is the default), the handle from
 * the injected container. Every repetition destroys the data and still starts from the seed.
 */
@DockerTest
class ResetPerTestModulesTest {
    @Container
    @ResetPerTest
    static ContainerSpec pg = PostgresSpec.of().withInitScript("classpath:db/shop.sql").toContainerSpec();

    @Container
    @ResetPerTest
    static ContainerSpec maria = MariaDbSpec.of().withInitScript("classpath:db/shop.sql").toContainerSpec();

    @Container
    @ResetPerTest
    static ContainerSpec redis = RedisSpec.of().withPassword("s3cret").toContainerSpec();

    /** A typed handle field: re-assigned with each test's fresh copy. */
    @Use("pg")
    static PostgresContainer p;

    @BeforeAll
    static void seed(@Use("maria") MariaDbContainer m, @Use("redis") RunningContainer rc) throws SQLException {
        execute(p.jdbcUrl(), p.username(), p.password(), "INSERT INTO item VALUES (3, 'seeded')");
        execute(m.jdbcUrl(), m.username(), m.password(), "INSERT INTO item VALUES (3, 'seeded')");
        try (Jedis jedis = new Jedis(URI.create(RedisContainer.of(rc).uri()))) {
            jedis.set("seed", "kept");
        }
    }

    @RepeatedTest(2)
    void everyTestStartsFromTheSeed(@Use("maria") MariaDbContainer m, @Use("redis") RedisContainer r,
                                    @Use("pg") RunningContainer pgc) throws SQLException {
        assertThat(p.container()).as("the field follows the copy").isSameAs(pgc);
        assertThat(count(p.jdbcUrl(), p.username(), p.password())).isEqualTo(3);
        assertThat(count(m.jdbcUrl(), m.username(), m.password())).isEqualTo(3);
        execute(p.jdbcUrl(), p.username(), p.password(), "DELETE FROM item");
        execute(m.jdbcUrl(), m.username(), m.password(), "DELETE FROM item");
        try (Jedis jedis = new Jedis(URI.create(r.uri()))) {
            assertThat(jedis.get("seed")).isEqualTo("kept");
            jedis.flushAll();
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM item")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
