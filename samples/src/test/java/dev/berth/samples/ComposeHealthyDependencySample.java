package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.RunningContainer;
import dev.berth.junit.Compose;
import dev.berth.junit.ComposeService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sample 10 — {@code depends_on: condition: service_healthy} ({@code compose/healthy-db/docker-compose.yml}):
 * PostgreSQL with a {@code pg_isready} healthcheck, and an app container (busybox) that starts only
 * once the database is healthy, so its very first connection attempt succeeds. The test reaches the
 * database through its published port, as the app reaches it by its service name.
 */
@Compose("src/test/resources/compose/healthy-db/docker-compose.yml")
class ComposeHealthyDependencySample {
    @ComposeService("db")
    static RunningContainer db;

    @ComposeService("app")
    static RunningContainer app;

    @Test
    void theAppStartedOnlyOnceTheDatabaseWasHealthy() {
        assertThat(db.state().health()).contains("healthy");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(app.logs().all()).contains("app start: database reachable"));
        assertThat(app.state().startedAt().orElseThrow()).isAfter(db.state().startedAt().orElseThrow());
    }

    @Test
    void theTestReachesTheDatabaseOnItsPublishedPort() throws SQLException {
        String url = "jdbc:postgresql://" + db.host() + ":" + db.mappedPort(5432) + "/shop";
        try (Connection c = DriverManager.getConnection(url, "postgres", "sample-secret");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_database()")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("shop");
        }
    }
}
