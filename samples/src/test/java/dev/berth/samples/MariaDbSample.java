package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import dev.berth.junit.Use;
import dev.berth.modules.mariadb.MariaDbContainer;
import dev.berth.modules.mariadb.MariaDbSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * MariaDB through its module: an init script creates and fills the catalog when the database is
 * created, {@code @ResetPerTest} gives each test a copy taken after the module's {@code FLUSH TABLES}.
 */
@DockerTest
class MariaDbSample {
    @Container
    @ResetPerTest
    static ContainerSpec shop = MariaDbSpec.of().withDatabase("shop").withUsername("app").withPassword("sample-secret")
            .withInitScript("classpath:samples/catalog.sql").toContainerSpec();

    @Test
    void clearingTheCatalogOnlyAffectsThisTest(@Use("shop") MariaDbContainer db) throws SQLException {
        assertThat(products(db)).isEqualTo(3);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM product");
        }
        assertThat(products(db)).isZero();
    }

    @Test
    void theNextTestStillSeesTheCatalog(@Use("shop") MariaDbContainer db) throws SQLException {
        assertThat(products(db)).isEqualTo(3);
    }

    private static int products(MariaDbContainer db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM product")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
