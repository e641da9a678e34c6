package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import dev.berth.SnapshotOptions;
import dev.berth.modules.postgres.PostgresContainer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.berth.bench.suites.ResetSuite;

/**
 * Scenario 4: per-test reset of a seeded PostgreSQL (50 indexed tables, 10,000 rows). Fresh container + init + seed
 * (the baseline), vs a container restored from a Berth snapshot, vs the server's own boot on
 * existing data ({@code docker start} of a stopped seeded container), vs the database created again from a template
 * copy inside a running server (the PostgreSQL module's {@code resetToSeed}). Each ends when a query sees
 * the 10,000 rows; removal and stopping are off the clock.
 */
public final class PgReset implements AutoCloseable {
    /** The PostgreSQL fixture image. */
    public static final String IMAGE = "localhost:5000/berth-fixtures/postgres:15";
    /** Rows seeded into {@code account}. */
    public static final int ROWS = 10_000;
    static final int TABLES = 50;
    private static final ContainerSpec PG = ContainerSpec.of(IMAGE).withName("bench-pg").withExposedPorts(5432)
            .withEnv("POSTGRES_PASSWORD", "bench").withEnv("POSTGRES_DB", "shop");

    private final Engine engine;
    private final Snapshot seeded;
    private final RunningContainer stoppedSeeded;
    private final PostgresContainer templated;

    PgReset() throws SQLException {
        engine = Berth.connect();
        try (RunningContainer pg = engine.start(PG)) {
            try (Connection c = connect(pg)) {
                seed(c);
            }
            seeded = engine.snapshot(pg, SnapshotOptions.defaults()
                    .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT"));
        }
        stoppedSeeded = engine.start(PG);
        try (Connection c = connect(stoppedSeeded)) {
            seed(c);
        }
        engine.docker().stopContainerCmd(stoppedSeeded.id()).withTimeout(30).exec();
        templated = PostgresContainer.of(engine.start(PG.withName("bench-pg-template")));
        try (Connection c = connect(templated.container())) {
            seed(c);
        }
        templated.saveSeed();
    }

    /** @return the engine the scenario holds */
    Engine engine() {
        return engine;
    }

    /** @return the snapshot taken after the seed and a {@code CHECKPOINT} */
    Snapshot seeded() {
        return seeded;
    }

    /** @return the seeded container, stopped between rounds */
    RunningContainer stoppedSeeded() {
        return stoppedSeeded;
    }

    /** @param suiteTests tests per run of {@link ResetSuite} (its restores; the smoke mode runs fewer) */
    List<Variant> variants(int suiteTests) {
        return List.of(
                new Cycle("fresh + init + seed", () -> {
                    long t0 = System.nanoTime();
                    try (RunningContainer pg = engine.start(PG)) {
                        try (Connection c = connect(pg)) {
                            seed(c);
                        }
                        long t = System.nanoTime() - t0;
                        return t;
                    }
                }),
                new Cycle("Berth snapshot restore", () -> {
                    long t0 = System.nanoTime();
                    try (RunningContainer pg = engine.start(seeded.spec())) {
                        try (Connection c = connect(pg)) {
                            requireRows(c);
                        }
                        return System.nanoTime() - t0;
                    }
                }),
                new Cycle("docker start (seeded, stopped)", () -> {
                    DockerClient docker = engine.docker();
                    long t0 = System.nanoTime();
                    docker.startContainerCmd(stoppedSeeded.id()).exec();
                    int port = Integer.parseInt(docker.inspectContainerCmd(stoppedSeeded.id()).exec().getNetworkSettings()
                            .getPorts().getBindings().get(ExposedPort.tcp(5432))[0].getHostPortSpec());
                    try (Connection c = connect(stoppedSeeded.host(), port)) {
                        requireRows(c);
                    }
                    long t = System.nanoTime() - t0;
                    docker.stopContainerCmd(stoppedSeeded.id()).withTimeout(30).exec();
                    return t;
                }),
                new Cycle("database from its template (resetToSeed)", () -> {
                    long t0 = System.nanoTime();
                    templated.resetToSeed();
                    try (Connection c = connect(templated.container())) {
                        requireRows(c);
                    }
                    return System.nanoTime() - t0;
                }),
                // A JUnit class seeded once, each test restored: per-test time with the restore in its callbacks and
                // its removal on the clock; the class's seed and snapshot are not (Clock.TESTS).
                new SuiteRun("Berth @ResetPerTest, prepared ahead", ResetSuite.class, "seeded", suiteTests,
                        SuiteRun.Clock.TESTS, Map.of()),
                new SuiteRun("Berth @ResetPerTest, prepare-ahead=2", ResetSuite.class, "seeded", suiteTests,
                        SuiteRun.Clock.TESTS, Map.of("berth.prepare-ahead", "2")),
                new SuiteRun("Berth @ResetPerTest, prepare-ahead=0", ResetSuite.class, "seeded", suiteTests,
                        SuiteRun.Clock.TESTS, Map.of("berth.prepare-ahead", "0")));
    }

    /**
     * The workload: 50 tables with indexes created over JDBC, then 10,000 rows in JDBC batches.
     *
     * @param c a connection to the {@code shop} database
     * @throws SQLException when a statement fails
     */
    public static void seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int t = 1; t <= TABLES; t++) {
                s.execute("create table t" + t + " (id int primary key, name text, balance int)");
                s.execute("create index t" + t + "_name on t" + t + " (name)");
            }
            s.execute("create table account (id int primary key, name text, balance int)");
            s.execute("create index account_name on account (name)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("insert into account values (?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "account-" + i);
                insert.setInt(3, 100);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
        }
        c.commit();
    }

    /**
     * @param c a connection to the seeded database
     * @throws SQLException when the query fails
     * @throws IllegalStateException unless {@code account} holds exactly the seeded rows
     */
    public static void requireRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from account")) {
            rs.next();
            if (rs.getLong(1) != ROWS) {
                throw new IllegalStateException("expected " + ROWS + " rows, found " + rs.getLong(1));
            }
        }
    }

    /**
     * Polls a JDBC connection every 5 ms (the server refuses TCP until its final start).
     *
     * @param pg a container of {@link #IMAGE} with the bench's password and database
     * @return the connection
     * @throws SQLException when none succeeds within 120 s
     */
    public static Connection connect(RunningContainer pg) throws SQLException {
        return connect(pg.host(), pg.mappedPort(5432));
    }

    static Connection connect(String host, int port) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/shop?connectTimeout=2";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return DriverManager.getConnection(url, "postgres", "bench");
            } catch (SQLException e) {
                last = e;
                Fixture.sleep(Fixture.POLL);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A variant sharing the scenario's setup; the last one to close releases it. */
    private record Cycle(String name, Body body) implements Variant {
        @Override
        public long measure() throws Exception {
            return body.nanos();
        }
    }

    @FunctionalInterface
    private interface Body {
        long nanos() throws Exception;
    }
}
