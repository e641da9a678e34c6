package dev.berth.modules.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The driver starts a database on the first connection and reuses it per URL. Its containers live until
 * the JVM exits (the engine's shutdown hook removes them; the leak check after the build verifies it).
 */
class BerthDriverTest {
    private static final String PG = "jdbc:berth:postgresql:15:///shop?init=classpath:db/shop.sql&ApplicationName=berth-test";

    @Test
    void driverManagerStartsPostgresOnceAndPassesParametersThrough() throws SQLException {
        String first;
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT inet_server_port(), current_setting('application_name'), count(*) FROM item")) {
            rs.next();
            assertThat(rs.getString(2)).isEqualTo("berth-test");
            assertThat(rs.getInt(3)).isEqualTo(2);
            first = c.getMetaData().getURL();
        }
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("INSERT INTO item VALUES (3, 'bollard')");
            assertThat(c.getMetaData().getURL()).as("same URL, same database").isEqualTo(first);
        }
    }

    @Test
    void hikariPoolConnectsThroughTheDriverWithItsCredentials() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:berth:mariadb:10.11:///orders?init=classpath:db/shop.sql");
        config.setUsername("app");
        config.setPassword("s3cret");
        config.setMaximumPoolSize(3);
        config.setInitializationFailTimeout(120_000);
        config.setConnectionTimeout(120_000);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE(), CURRENT_USER(), (SELECT count(*) FROM item)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("orders");
            assertThat(rs.getString(2)).startsWith("app@");
            assertThat(rs.getInt(3)).isEqualTo(2);
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:mariadb://127.0.0.1:");
        }
    }
}
