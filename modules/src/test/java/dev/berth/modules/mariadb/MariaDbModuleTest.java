package dev.berth.modules.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MariaDbModuleTest {
    private static Engine engine;
    private static MariaDbContainer db;

    @BeforeAll
    static void start() {
        engine = Berth.connect();
        db = MariaDbSpec.of().withDatabase("shop").withUsername("app").withPassword("s3cret")
                .withInitScript("classpath:db/shop.sql").start(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static int items(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, db.username(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM item")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void mariaDbDriverReachesTheDatabaseWithItsInitScript() throws SQLException {
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:" + db.port() + "/shop");
        assertThat(db.container().spec().image()).hasToString("mariadb:10.11");
        assertThat(items(db.jdbcUrl())).isEqualTo(2);
    }

    @Test
    void mysqlDriverReachesTheSameDatabase() throws SQLException {
        assertThat(db.mysqlJdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:" + db.port() + "/shop");
        assertThat(DriverManager.getDriver(db.mysqlJdbcUrl()).getClass().getName()).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(items(db.mysqlJdbcUrl() + "?allowPublicKeyRetrieval=true&useSSL=false")).isEqualTo(2);
    }

    @Test
    void wrongPasswordIsRefusedByTheServer() {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.username(), "wrong"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied for user 'app'");
    }

    @Test
    void snapshotPrepareFlushesTables() {
        assertThat(db.snapshotPrepareCommand()).doesNotContain("s3cret").contains("sh", "-c");
        assertThat(db.container().exec(db.snapshotPrepareCommand().toArray(String[]::new)).exitCode()).isZero();
        assertThat(MariaDbContainer.of(db.container()).jdbcUrl()).isEqualTo(db.jdbcUrl());
    }

    @Test
    void failingInitScriptNamesTheFileAndLine() {
        assertThatThrownBy(() -> MariaDbSpec.of().withInitScript("classpath:db/broken.sql").start(engine))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("running /docker-entrypoint-initdb.d/01-broken.sql")
                .hasMessageContaining("ERROR 1146 (42S02) at line 3: Table '")
                .hasMessageContaining(".no_such_table' doesn't exist");
    }
}
