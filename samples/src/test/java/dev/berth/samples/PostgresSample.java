package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import dev.berth.junit.Use;
import dev.berth.modules.postgres.PostgresContainer;
import dev.berth.modules.postgres.PostgresSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sample 1 — PostgreSQL over JDBC, reset per test from a snapshot. The PostgreSQL module describes the
 * server (image {@code postgres:15}, credentials, readiness by a query, CHECKPOINT before a snapshot); the
 * typed handle gives the JDBC URL. The schema and 5,000 seed rows are written once, in {@code @BeforeAll};
 * {@code @ResetPerTest} then snapshots the seeded server (data directory included, after the module's
 * CHECKPOINT) and gives every test a fresh copy of it. The tests delete,
 * update and insert freely, and each one still starts from exactly the seed.
 */
@DockerTest
class PostgresSample {
    private static final int SEED_ROWS = 5_000;
    private static final long SEED_SUM = (long) SEED_ROWS * (SEED_ROWS + 1) / 2;

    @Container
    @ResetPerTest
    static ContainerSpec db = PostgresSpec.of().withPassword("sample-secret").toContainerSpec();

    /** The typed handle of the current copy: re-assigned before each test. */
    @Use("db")
    static PostgresContainer postgres;

    @BeforeAll
    static void schemaAndSeed() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id INT PRIMARY KEY, owner TEXT NOT NULL, balance BIGINT NOT NULL)");
            s.execute("CREATE INDEX account_owner ON account (owner)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO account VALUES (?, ?, ?)")) {
                for (int i = 1; i <= SEED_ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "owner-" + (i % 100));
                    insert.setLong(3, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void deletingEverythingOnlyAffectsThisTest() throws SQLException {
        assertSeeded();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM account")).isEqualTo(SEED_ROWS);
        }
    }

    @Test
    void updatesAndInsertsOnlyAffectThisTest() throws SQLException {
        assertSeeded();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET balance = 0 WHERE id % 2 = 0");
            s.executeUpdate("INSERT INTO account SELECT g, 'new', 1 FROM generate_series(10001, 12000) g");
        }
    }

    @Test
    void droppingTheTableOnlyAffectsThisTest() throws SQLException {
        assertSeeded();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE account");
        }
    }

    private static void assertSeeded() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), sum(balance) FROM account")) {
            r.next();
            assertThat(r.getInt(1)).as("rows").isEqualTo(SEED_ROWS);
            assertThat(r.getLong(2)).as("sum of balances").isEqualTo(SEED_SUM);
        }
    }

    /** Connects to the current copy. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
