package dev.berth.modules.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.Use;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** docs/modules.md's example: one server for the class, its database put back to the seed before each test. */
@DockerTest
class ResetToSeedJUnitTest {
    private static final Set<String> CONTAINERS = new HashSet<>();

    @Container
    static ContainerSpec db = PostgresSpec.of().withDatabase("shop").toContainerSpec();

    @Use("db")
    static PostgresContainer pg;

    @BeforeAll
    static void seed() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id serial PRIMARY KEY, name text)");
            s.execute("INSERT INTO item (name) VALUES ('a'), ('b')");
        }
        pg.saveSeed();
    }

    @BeforeEach
    void reset() {
        pg.resetToSeed();
    }

    @RepeatedTest(3)
    void eachTestSeesTheSeedWhateverTheOneBeforeDid() throws SQLException {
        CONTAINERS.add(pg.container().id());
        try (Connection c = open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM item")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("a,b");
            }
            s.execute("DELETE FROM item WHERE name = 'a'");
            s.execute("INSERT INTO item (name) VALUES ('z')");
        }
    }

    @AfterAll
    static void oneServerServedEveryTest() {
        assertThat(CONTAINERS).as("no container was started per test").hasSize(1);
    }

    private static Connection open() throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
    }
}
