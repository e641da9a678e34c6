package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import dev.berth.Snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed PostgreSQL once (10,000 rows over JDBC, data in the image's VOLUME), snapshot it, and give each
 * test a fresh container from the snapshot: every test sees exactly the seeded rows, whatever the
 * previous test deleted or changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSnapshotTest {
    private static final ContainerSpec PG = ContainerSpec.of(Docker.POSTGRES).withName("pg").withExposedPorts(5432)
            .withEnv("POSTGRES_PASSWORD", "s3cret").withEnv("POSTGRES_DB", "shop");
    private static Engine engine;
    private static Snapshot seeded;
    private static Snapshot seededOnDisk;

    @BeforeAll
    static void seedAndSnapshot() throws Exception {
        engine = Berth.connect();
        try (RunningContainer pg = engine.start(PG)) {
            try (Connection c = connect(pg)) {
                AccountSeed.seed(c);
            }
            seeded = engine.snapshot(pg, SnapshotOptions.defaults()
                    .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT")
                    .withComment("10,000 accounts"));
            seededOnDisk = engine.snapshot(pg, SnapshotOptions.defaults()
                    .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT").withTmpfsRestore(false));
        }
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void snapshotCarriesTheVolumeAndTheOriginalSpec() {
        assertThat(seeded.volumePaths()).containsExactly("/var/lib/postgresql/data");
        assertThat(seeded.image().toString()).matches("berth-snapshots/pg:[0-9a-f]{12}");
        ContainerSpec restored = seeded.spec();
        assertThat(restored.image()).isEqualTo(seeded.image());
        assertThat(restored.env()).isEqualTo(PG.env());
        assertThat(restored.exposedPorts()).isEqualTo(PG.exposedPorts());
        assertThat(restored.name()).hasValue("pg");
        assertThat(seeded.restoresIntoTmpfs()).isTrue();
        assertThat(restored.security().tmpfs()).containsOnlyKeys("/var/lib/postgresql/data");
        assertThat(restored.entrypoint().orElseThrow()).containsExactly("/bin/sh", "-c",
                "cp -a '/.berth-volumes/var/lib/postgresql/data/.' '/var/lib/postgresql/data/' && exec \"$@\"",
                "berth-restore");
        assertThat(restored.command()).containsExactly("/usr/local/bin/postgres-entrypoint.sh", "postgres");

        assertThat(seededOnDisk.restoresIntoTmpfs()).isFalse();
        assertThat(seededOnDisk.spec().image()).isEqualTo(seededOnDisk.image());
        assertThat(seededOnDisk.spec().entrypoint()).isEqualTo(PG.entrypoint());
        assertThat(seededOnDisk.spec().command()).isEqualTo(PG.command());
        assertThat(seededOnDisk.spec().security().tmpfs()).isEmpty();
    }

    @Test
    @Order(5)
    void snapshotRestoredIntoAnAnonymousVolumeAlsoHasTheRows() throws Exception {
        try (RunningContainer pg = engine.start(seededOnDisk.spec()); Connection c = connect(pg)) {
            assertThat(count(c)).isEqualTo(10_000);
            assertThat(Docker.exec(engine.docker(), pg.id(), "grep", " /var/lib/postgresql/data ", "/proc/mounts"))
                    .doesNotStartWith("tmpfs");
        }
    }

    @Test
    @Order(2)
    void firstTestDeletesEverything() throws Exception {
        try (RunningContainer pg = engine.start(seeded.spec()); Connection c = connect(pg)) {
            assertThat(count(c)).isEqualTo(10_000);
            assertThat(Docker.exec(engine.docker(), pg.id(), "grep", " /var/lib/postgresql/data ", "/proc/mounts"))
                    .startsWith("tmpfs /var/lib/postgresql/data tmpfs ");
            c.createStatement().executeUpdate("delete from account");
            assertThat(count(c)).isZero();
        }
    }

    @Test
    @Order(3)
    void secondTestDeletesHalfAndChangesBalances() throws Exception {
        try (RunningContainer pg = engine.start(seeded.spec()); Connection c = connect(pg)) {
            assertThat(count(c)).isEqualTo(10_000);
            c.createStatement().executeUpdate("delete from account where id % 2 = 0");
            c.createStatement().executeUpdate("update account set balance = 0");
            assertThat(count(c)).isEqualTo(5_000);
        }
    }

    @Test
    @Order(4)
    void thirdTestSeesPristineRowsAndDropsTheTable() throws Exception {
        try (RunningContainer pg = engine.start(seeded.spec()); Connection c = connect(pg)) {
            assertThat(count(c)).isEqualTo(10_000);
            try (ResultSet rs = c.createStatement().executeQuery("select sum(balance) from account")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1_000_000L);
            }
            c.createStatement().execute("drop table account");
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from account")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connect(RunningContainer pg) {
        String url = "jdbc:postgresql://" + pg.host() + ":" + pg.mappedPort(5432) + "/shop";
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> DriverManager.getConnection(url, "postgres", "s3cret"), c -> c != null);
    }
}
