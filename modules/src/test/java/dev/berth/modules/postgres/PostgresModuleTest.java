package dev.berth.modules.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresModuleTest {
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
    void jdbcUrlAndCredentialsReachTheDatabaseWithItsInitScript() throws SQLException {
        try (PostgresContainer db = PostgresSpec.of().withDatabase("shop").withUsername("app").withPassword("s3cret")
                .withInitScript("classpath:db/shop.sql").start(engine);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), current_user, count(*) FROM item")) {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + db.port() + "/shop");
            assertThat(db.databaseName()).isEqualTo("shop");
            assertThat(db.container().spec().image()).hasToString("postgres:15");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("shop");
            assertThat(rs.getString(2)).isEqualTo("app");
            assertThat(rs.getInt(3)).isEqualTo(2);
        }
    }

    @Test
    void failingInitScriptNamesTheFileAndLine() {
        assertThatThrownBy(() -> PostgresSpec.of().withInitScript("classpath:db/broken.sql").start(engine))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("/docker-entrypoint-initdb.d/01-broken.sql:3: ERROR:  relation \"no_such_table\" does not exist");
    }

    @Test
    void wrongCredentialsEndTheWaitAtOnceNamingTheUser() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> PostgresSpec.of().withPassword("right").start(engine, s -> s.withEnv("POSTGRES_PASSWORD", "other")))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("PostgreSQL rejected the login of user \"test\"")
                .hasMessageContaining("Check the username and password");
        assertThat(System.nanoTime() - begin).as("fails on the first refused login, not at the 120 s timeout")
                .isLessThan(110_000_000_000L);
    }

    @Test
    void handleAttachesToAContainerStartedElsewhere() {
        try (var running = engine.start(PostgresSpec.of().withDatabase("orders").toContainerSpec())) {
            PostgresContainer db = PostgresContainer.of(running);
            assertThat(db.jdbcUrl()).endsWith("/orders");
            assertThat(db.username()).isEqualTo("test");
            assertThat(db.password()).isEqualTo("test");
            assertThat(db.snapshotPrepareCommand()).containsExactly("psql", "-U", "test", "-d", "orders", "-c", "CHECKPOINT");
            assertThat(running.exec(db.snapshotPrepareCommand().toArray(String[]::new)).exitCode()).isZero();
        }
    }

    @Test
    void invalidOptionsAreRejectedInCoresFormat() {
        assertThatThrownBy(() -> PostgresSpec.of().withDatabase("1shop"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid PostgreSQL database: \"1shop\". Allowed: 1 to 63 letters, digits or underscores, "
                        + "not starting with a digit. Example: \"shop\".");
        assertThatThrownBy(() -> PostgresSpec.of().withInitScript("classpath:db/missing.sql"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid PostgreSQL init script: \"classpath:db/missing.sql\". Allowed: an existing .sql or .sh "
                        + "file, as a path or classpath:name. Example: classpath:schema.sql.");
        assertThatThrownBy(() -> PostgresSpec.of().withPassword(""))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid PostgreSQL password: \"\". Allowed: a non-empty text without control characters. "
                        + "Example: \"s3cret\".");
    }

    @Test
    void aResetBringsBackTheSeedAndClosesTheConnectionsToTheDatabase() throws SQLException {
        try (PostgresContainer db = PostgresSpec.of().withDatabase("shop").start(engine)) {
            Connection seeding = open(db);
            update(seeding, "CREATE TABLE item (id serial PRIMARY KEY, name text)",
                    "INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");
            db.saveSeed();
            assertThat(seeding.isValid(2)).as("the seeding connection was closed by saveSeed").isFalse();
            assertThat(query(db, "SELECT datallowconn::text FROM pg_database WHERE datname = 'berth_seed_shop'"))
                    .as("nobody can connect to the seed").isEqualTo("false");

            Connection test = open(db);
            update(test, "DELETE FROM item", "CREATE TABLE extra (x int)");
            db.resetToSeed();
            assertThat(test.isValid(2)).as("the test's connection was closed by the reset").isFalse();
            assertThat(query(db, "SELECT string_agg(name, ',' ORDER BY id) FROM item")).isEqualTo("a,b,c");
            assertThat(query(db, "SELECT coalesce(to_regclass('extra')::text, 'none')")).isEqualTo("none");
            assertThat(query(db, "INSERT INTO item (name) VALUES ('d') RETURNING id")).as("the sequence as seeded")
                    .isEqualTo("4");

            db.resetToSeed();
            assertThat(query(db, "SELECT count(*) FROM item")).as("a reset leaves the seed as it was").isEqualTo("3");

            try (Connection c = open(db)) {
                update(c, "INSERT INTO item (name) VALUES ('e')");
            }
            db.saveSeed();
            try (Connection c = open(db)) {
                update(c, "DELETE FROM item");
            }
            db.resetToSeed();
            assertThat(query(db, "SELECT string_agg(name, ',' ORDER BY id) FROM item")).as("the seed saved again")
                    .isEqualTo("a,b,c,e");
        }
    }

    @Test
    void aResetWithoutASeedFailsNamingTheFixAndLeavesTheDatabaseAlone() throws SQLException {
        try (PostgresContainer db = PostgresSpec.of().withDatabase("orders").start(engine)) {
            try (Connection c = open(db)) {
                update(c, "CREATE TABLE kept (x int)", "INSERT INTO kept VALUES (1)");
            }
            assertThatThrownBy(db::resetToSeed)
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Could not reset database \"orders\" of container " + db.container().name()
                            + ": no seed was saved. Call saveSeed() once the database holds its seed (e.g. at the end"
                            + " of @BeforeAll), then resetToSeed() before each test.");
            assertThat(query(db, "SELECT count(*) FROM kept")).isEqualTo("1");
        }
    }

    @Test
    void theServersOwnPostgresDatabaseIsResetFromAnotherOne() throws SQLException {
        try (PostgresContainer db = PostgresSpec.of().withDatabase("postgres").start(engine)) {
            try (Connection c = open(db)) {
                update(c, "CREATE TABLE seeded (x int)", "INSERT INTO seeded VALUES (1), (2)");
            }
            db.saveSeed();
            try (Connection c = open(db)) {
                update(c, "DROP TABLE seeded");
            }
            db.resetToSeed();
            assertThat(query(db, "SELECT count(*) FROM seeded")).isEqualTo("2");
        }
    }

    private static Connection open(PostgresContainer db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void update(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String query(PostgresContainer db, String sql) throws SQLException {
        try (Connection c = open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
