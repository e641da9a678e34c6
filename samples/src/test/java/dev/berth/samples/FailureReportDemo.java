package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WaitFor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Sample 8, part 1 — a test that fails on purpose, to show the failure report Berth writes: the order
 * is saved in PostgreSQL but the (deliberately missing) cache write never reaches Redis. Tagged
 * {@code demo-failure} and excluded from the normal run (see {@code samples/pom.xml}); its name does not
 * end in {@code Sample} or {@code Test} either. {@link FailureReportSample} runs it and checks the report,
 * which stays at {@code samples/target/berth-reports-demo/dev.berth.samples.FailureReportDemo/cachesSavedOrders.md}.
 */
@DockerTest
@Tag("demo-failure")
class FailureReportDemo {
    @Container(image = "localhost:5000/berth-fixtures/redis:7", ports = 6379,
               command = {"redis-server", "--bind", "0.0.0.0", "--protected-mode", "no"},
               waitFor = @WaitFor(log = ".*Ready to accept connections.*"))
    static RunningContainer cache;

    @Container(image = "localhost:5000/berth-fixtures/postgres:15", ports = 5432,
               env = "POSTGRES_PASSWORD=demo-s3cret",
               waitFor = @WaitFor(log = ".*database system is ready to accept connections.*", times = 2))
    static RunningContainer db;

    @Test
    void cachesSavedOrders() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":"
                + db.mappedPort(5432) + "/postgres", "postgres", "demo-s3cret");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id int PRIMARY KEY, item text)");
            s.execute("INSERT INTO orders VALUES (42, 'berth')");
        }
        // the code under test should have cached order 42 — it did not, so this fails and Berth reports
        try (Jedis jedis = new Jedis(cache.host(), cache.mappedPort(6379))) {
            assertThat(jedis.get("order:42")).as("order 42 in the cache").isEqualTo("berth");
        }
    }
}
