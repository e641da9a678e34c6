package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The {@code jdbc:berth:} URL: code that only knows a JDBC URL (a connection pool, a framework's
 * datasource property) gets a fresh PostgreSQL 15 with its schema, no Docker code at all. The database
 * is started on the first connection, reused for the same URL, and removed when the JVM exits.
 */
class JdbcUrlSample {
    @Test
    void aUrlIsAllItTakes() throws SQLException {
        String url = "jdbc:berth:postgresql:15:///shop?init=classpath:samples/catalog.sql";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(price) FROM product")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(175);
        }
    }
}
