package dev.berth.bench.suites;

import dev.berth.RunningContainer;
import dev.berth.bench.PgReset;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Scenario 4 with Berth's extension: a seeded PostgreSQL (the scenario's 50 indexed tables and 10,000 rows, seeded
 * once in {@code @BeforeAll}) restored from its snapshot before each test ({@code @ResetPerTest}); each test waits
 * until a query sees the seeded rows, as the scenario's other rows do.
 */
@DockerTest
public class ResetSuite {
    /** Tests in the suite. */
    public static final int TESTS = 10;

    @Container(image = PgReset.IMAGE, ports = 5432, env = {"POSTGRES_PASSWORD=bench", "POSTGRES_DB=shop"})
    @ResetPerTest(prepare = {"psql", "-U", "postgres", "-c", "CHECKPOINT"})
    static RunningContainer pg;

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = PgReset.connect(pg)) {
            PgReset.seed(c);
        }
    }

    @RepeatedTest(TESTS)
    void seeded() throws Exception {
        try (Connection c = PgReset.connect(pg)) {
            PgReset.requireRows(c);
        }
    }
}
