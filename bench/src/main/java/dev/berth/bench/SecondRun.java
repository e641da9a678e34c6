package dev.berth.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import dev.berth.ContainerSpec;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import dev.berth.junit.Use;
import dev.berth.modules.postgres.PostgresContainer;
import dev.berth.modules.postgres.PostgresSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Scenario "secondrun": time to the first test of a {@code PostgresSample}-like class (PostgreSQL seeded in
 * {@code @BeforeAll} with scenario 4's 50 indexed tables and 10,000 rows), each run in a fresh JVM through the
 * JUnit Platform launcher, timed inside it from the launcher's start to the first test's body. Variants: the class
 * without a snapshot (start + seed, the baseline); with {@code @ResetPerTest(cache = true)} on an empty cache
 * (start + seed + snapshot + restore); and the same class again in a new JVM (cache hit: start, no seed, restore).
 * Every round's cache key is new (a token in the spec's environment); the cached snapshot is removed after the
 * round, off the clock, and any left by a failed round when the scenario closes (by the bench's label).
 */
final class SecondRun implements AutoCloseable {
    static final String TOKEN = "bench.cache.token";
    static final String RUN_ID = "bench.run.id";
    private static final String NAME = "bench-cache";
    /** On the Berth spec, so on its cached snapshot ({@code dev.berth.*} labels are Berth's own). */
    static final String SPEC_LABEL = "berth-bench.run";
    private final String runId;
    private volatile String lastToken;
    private volatile String lastReuseToken;

    SecondRun(String runId) {
        this.runId = runId;
    }

    List<Variant> variants() {
        return List.of(child("fresh + seed (no snapshot)", SeedSuite.class, () -> "none"),
                child("Berth cache, first run (seed + snapshot)", CachedSuite.class, () -> {
                    lastToken = UUID.randomUUID().toString();
                    return lastToken;
                }),
                secondRun("Berth cache, second run (hit)", CachedSuite.class, () -> lastToken, () -> {
                    lastToken = null;
                    removeCachedSnapshots();
                }),
                child("Testcontainers withReuse, first run (start + seed)", ReuseSuite.class, () -> {
                    lastReuseToken = UUID.randomUUID().toString();
                    return lastReuseToken;
                }),
                secondRun("Testcontainers withReuse, second run (found running)", ReuseSuite.class,
                        () -> lastReuseToken, () -> {
                            lastReuseToken = null;
                            BenchMain.sweep(runId);
                        }));
    }

    /**
     * A second run: it needs the token of the first run (the variant before it), and cleans up after itself, also
     * when the run fails.
     *
     * @param name the variant's name
     * @param suite the suite class the child JVM runs
     * @param firstRunsToken the first run's token, null when the first run did not run (then this one fails, before
     *     it runs or cleans up anything)
     * @param cleanUp forgets the token and removes what the two runs left, off the clock
     */
    private Variant secondRun(String name, Class<?> suite, Supplier<String> firstRunsToken, CleanUp cleanUp) {
        return child(name, suite, () -> {
            String token = firstRunsToken.get();
            if (token == null) {
                throw new IllegalStateException("the first-run variant did not run before the second");
            }
            return token;
        }, cleanUp);
    }

    private Variant child(String name, Class<?> suite, Supplier<String> token) {
        return child(name, suite, token, () -> { });
    }

    /** What a variant does after its child JVM, also when that fails (not when its token cannot be had). */
    @FunctionalInterface
    private interface CleanUp {
        void run() throws Exception;
    }

    /** @param cleanUp runs after the child JVM, also when it fails (not when {@code token} throws) */
    private Variant child(String name, Class<?> suite, Supplier<String> token, CleanUp cleanUp) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long measure() throws Exception {
                String tokenValue = token.get();
                try {
                    String text = ChildJvm.run(List.of("-D" + TOKEN + "=" + tokenValue, "-D" + RUN_ID + "=" + runId,
                            "-Dberth.sweep=false"), Map.of("TESTCONTAINERS_REUSE_ENABLE", "true"), SecondRun.class,
                            List.of(suite.getName()), Duration.ofMinutes(10)).output();
                    return Long.parseLong(text.lines().filter(l -> l.startsWith("FIRST_TEST_NANOS ")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no FIRST_TEST_NANOS line in:\n" + text))
                            .substring(17));
                } finally {
                    cleanUp.run();
                }
            }
        };
    }

    /** @return how many cached snapshots of this run were removed */
    int removeCachedSnapshots() {
        try (DockerClient docker = RawClients.local()) {
            List<Image> images = docker.listImagesCmd().withImageNameFilter("berth-snapshots/" + NAME).exec();
            int removed = 0;
            for (Image i : images) {
                if (i.getLabels() != null && runId.equals(i.getLabels().get(SPEC_LABEL))) {
                    docker.removeImageCmd(i.getId()).withForce(true).exec();
                    removed++;
                }
            }
            return removed;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            removeCachedSnapshots();
        } finally {
            BenchMain.sweep(runId);
        }
    }

    /**
     * Child side: runs one suite class through the launcher and prints the time from the launcher's start to the
     * first test's body.
     *
     * @param args the suite class name
     */
    public static void main(String[] args) {
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Class.forName(args[0]))).build();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            START.set(System.nanoTime());
            LauncherFactory.create().execute(request, summary);
            TestExecutionSummary s = summary.getSummary();
            if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() == 0) {
                s.printFailuresTo(new java.io.PrintWriter(System.out, true), 30);
                throw new IllegalStateException(args[0] + ": " + s.getTestsSucceededCount() + " passed, "
                        + s.getTotalFailureCount() + " failed");
            }
            System.out.println("FIRST_TEST_NANOS " + (FIRST_TEST.get() - START.get()));
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static final AtomicLong START = new AtomicLong();
    private static final AtomicLong FIRST_TEST = new AtomicLong();

    /** Records the first test body's start. */
    static void testStarts() {
        FIRST_TEST.compareAndSet(0, System.nanoTime());
    }

    /** The seeded server of both suites: scenario 4's image, named and labelled for the bench's cleanup. */
    static ContainerSpec spec() {
        return PostgresSpec.of().withImage(PgReset.IMAGE).withPassword("bench").withDatabase("shop")
                .toContainerSpec()
                .withEnv("BENCH_CACHE_TOKEN", System.getProperty(TOKEN, "none"))
                .withLabel(SPEC_LABEL, System.getProperty(RUN_ID, "none"));
    }

    static void seed(PostgresContainer pg) throws SQLException {
        try (Connection c = connect(pg)) {
            PgReset.seed(c);
        }
    }

    static void requireSeeded(PostgresContainer pg) throws SQLException {
        try (Connection c = connect(pg); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from account")) {
            r.next();
            if (r.getLong(1) != PgReset.ROWS) {
                throw new IllegalStateException("expected " + PgReset.ROWS + " rows, found " + r.getLong(1));
            }
        }
    }

    private static Connection connect(PostgresContainer pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
    }

    /** A {@code PostgresSample}-like class whose seeded snapshot is cached across runs. */
    @DockerTest
    public static class CachedSuite {
        @Container(name = NAME)
        @ResetPerTest(cache = true, seedVersion = "1")
        static ContainerSpec db = spec();

        @Use(NAME)
        static PostgresContainer pg;

        @BeforeAll
        static void seedOnce() throws SQLException {
            seed(pg);
        }

        @Test
        void seeded() throws SQLException {
            testStarts();
            requireSeeded(pg);
        }
    }

    /**
     * Testcontainers' closest equivalent: a reusable container ({@code withReuse(true)}, enabled by
     * {@code TESTCONTAINERS_REUSE_ENABLE=true}), left running after the run and found again by the next one, which
     * skips the seed when the rows are there. No reset per test: tests share (and change) one database.
     */
    public static class ReuseSuite {
        static GenericContainer<?> db;

        @BeforeAll
        @SuppressWarnings("resource")
        static void startOrReuseAndSeed() throws SQLException {
            db = new GenericContainer<>(DockerImageName.parse(PgReset.IMAGE)).withImagePullPolicy(image -> false)
                    .withEnv("POSTGRES_PASSWORD", "bench").withEnv("POSTGRES_DB", "shop")
                    .withEnv("BENCH_CACHE_TOKEN", System.getProperty(TOKEN, "none"))
                    .withLabel(Fixture.LABEL, System.getProperty(RUN_ID, "none")).withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                            .withStartupTimeout(Duration.ofMinutes(2)))
                    .withReuse(true);
            db.start();
            try (Connection c = reused(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from pg_tables where tablename = 'account'")) {
                r.next();
                if (r.getInt(1) == 0) {
                    PgReset.seed(c);
                }
            }
        }

        @Test
        void seeded() throws SQLException {
            testStarts();
            try (Connection c = reused(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from account")) {
                r.next();
                if (r.getLong(1) != PgReset.ROWS) {
                    throw new IllegalStateException("expected " + PgReset.ROWS + " rows, found " + r.getLong(1));
                }
            }
        }

        private static Connection reused() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + db.getHost() + ":" + db.getMappedPort(5432)
                    + "/shop", "postgres", "bench");
        }
    }

    /** The same class without a snapshot: the server starts and is seeded on every run. */
    @DockerTest
    public static class SeedSuite {
        @Container(name = NAME)
        static ContainerSpec db = spec();

        @Use(NAME)
        static PostgresContainer pg;

        @BeforeAll
        static void seedOnce() throws SQLException {
            seed(pg);
        }

        @Test
        void seeded() throws SQLException {
            testStarts();
            requireSeeded(pg);
        }
    }
}
