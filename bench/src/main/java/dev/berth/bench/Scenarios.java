package dev.berth.bench;

import dev.berth.bench.suites.CycleSuite;
import dev.berth.bench.suites.ExtensionCycleSuite;
import dev.berth.bench.suites.ExtensionOverheadSuite;
import dev.berth.bench.suites.PlainOverheadSuite;
import dev.berth.bench.suites.ResetSuite;
import dev.berth.bench.suites.StarterResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the scenarios of docs/benchmarks.md from the {@link Starter}s. Each variant owns its starter. */
public final class Scenarios {
    /** Scenario ids in run order. */
    public static final List<String> ALL = List.of("ready", "parallel", "cycle", "cold", "reset", "save", "overhead",
            "copyin", "secondrun");

    private final String runId;
    private final int parallel;
    private final int testsPerSuite;

    /**
     * @param runId label value on every container created outside Berth
     * @param parallel containers started at once in the parallel scenario
     * @param testsPerSuite fresh containers per suite in the per-test cycle scenario
     */
    public Scenarios(String runId, int parallel, int testsPerSuite) {
        this.runId = runId;
        this.parallel = parallel;
        if (testsPerSuite < 1 || testsPerSuite > CycleSuite.TESTS) {
            throw new IllegalArgumentException("--tests must be 1.." + CycleSuite.TESTS + ", got " + testsPerSuite);
        }
        this.testsPerSuite = testsPerSuite;
    }

    /**
     * @param id one of {@link #ALL}
     * @return the scenario, its starters connected
     */
    public Scenario create(String id) {
        return switch (id) {
            case "ready" -> new Scenario(id, "1. Time to ready", "create → start → GET / answers (removal not timed)",
                    variants(Scenarios::ready, raw(), new DockerCliStarter(runId), tc(), berth(),
                            new BerthStarter("Berth, 5 ms GET poll", BerthStarter.FIVE_MS_POLL)));
            case "parallel" -> new Scenario(id, "2. Parallel start of " + parallel,
                    "until all " + parallel + " answer GET / (removal not timed)",
                    variants(s -> parallel(s, parallel), raw(), tc(), berth()));
            case "cycle" -> new Scenario(id, "2b. Per-test container cycle",
                    "JUnit class of " + testsPerSuite + " tests, each with a fresh container (@BeforeEach start,"
                            + " @AfterEach remove), run by the Platform launcher; suite wall time ÷ tests",
                    List.of(suite("raw docker-java", "raw"), suite("Testcontainers", "testcontainers"),
                            suite("Berth, programmatic", "berth"),
                            new SuiteRun("Berth @DockerTest", ExtensionCycleSuite.class, "answers", testsPerSuite,
                                    SuiteRun.Clock.SUITE, Map.of()),
                            new SuiteRun("Berth @DockerTest, prepare-ahead=2", ExtensionCycleSuite.class, "answers",
                                    testsPerSuite, SuiteRun.Clock.SUITE, Map.of("berth.prepare-ahead", "2")),
                            new SuiteRun("Berth @DockerTest, prepare-ahead=0", ExtensionCycleSuite.class, "answers",
                                    testsPerSuite, SuiteRun.Clock.SUITE, Map.of("berth.prepare-ahead", "0"))));
            case "cold" -> new Scenario(id, "3. Cold start in a fresh JVM",
                    "java -cp … launch → first container ready → removed → JVM exit",
                    List.of(new ColdStart.Launch("raw", "raw docker-java", runId),
                            new ColdStart.Launch("testcontainers", "Testcontainers", runId),
                            new ColdStart.Launch("berth", "Berth", runId)));
            case "reset" -> reset();
            case "save" -> save();
            case "copyin" -> copyIn();
            case "secondrun" -> secondRun();
            case "overhead" -> new Scenario(id, "6. Extension overhead",
                    "one class-scoped container, " + ExtensionOverheadSuite.TESTS + " empty tests; time inside the"
                            + " tests (callbacks included, class setup excluded) ÷ tests",
                    List.of(new SuiteRun("without extension", PlainOverheadSuite.class, "empty",
                                    ExtensionOverheadSuite.TESTS, SuiteRun.Clock.TESTS, Map.of()),
                            new SuiteRun("Berth @DockerTest", ExtensionOverheadSuite.class, "empty",
                                    ExtensionOverheadSuite.TESTS, SuiteRun.Clock.TESTS, Map.of())));
            default -> {
                if (ModuleReady.IDS.contains(id)) {
                    yield ModuleReady.create(id);
                }
                throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + ALL + " and " + ModuleReady.IDS);
            }
        };
    }

    private Scenario reset() {
        try {
            PgReset pg = new PgReset();
            return new Scenario("reset", "4. Per-test reset of a seeded PostgreSQL (" + PgReset.ROWS + " rows)",
                    "until a query sees the seeded rows (removal and stop not timed)",
                    pg.variants(Math.min(testsPerSuite, ResetSuite.TESTS)), pg);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("seeding PostgreSQL for scenario 4 failed: " + e, e);
        }
    }

    private Scenario save() {
        try {
            SaveThroughput s = new SaveThroughput(runId);
            return new Scenario("save", "5. Save a " + SaveThroughput.MEGABYTES + " MB image to a tar",
                    "the save call only (Berth timed inside its -Xmx64m JVM); throughput = size ÷ time",
                    s.variants(), s);
        } catch (Exception e) {
            throw new IllegalStateException("building the image for scenario 5 failed: " + e, e);
        }
    }

    private Scenario copyIn() {
        try {
            CopyIn c = new CopyIn(runId);
            return new Scenario("copyin", "8. Copy a " + CopyIn.MEGABYTES + " MB file into a container",
                    "the copy call only (Berth and Testcontainers timed inside their -Xmx64m JVMs); throughput ="
                            + " size ÷ time", c.variants(), c);
        } catch (Exception e) {
            throw new IllegalStateException("preparing the file and container for scenario copyin failed: " + e, e);
        }
    }

    private Scenario secondRun() {
        SecondRun s = new SecondRun(runId);
        return new Scenario("secondrun", "9. Second run of a suite with the snapshot cache (PostgreSQL, "
                + PgReset.ROWS + " rows)", "fresh JVM per run; JUnit launcher start → first test body",
                s.variants(), s);
    }

    private Starter raw() {
        return new RawDockerStarter(runId);
    }

    private Starter tc() {
        return new TestcontainersStarter(runId);
    }

    private static Starter berth() {
        return new BerthStarter();
    }

    private static List<Variant> variants(Function<Starter, Variant> shape, Starter... starters) {
        List<Variant> out = new ArrayList<>();
        for (Starter s : starters) {
            out.add(shape.apply(s));
        }
        return out;
    }

    /** One container: time until it answers; then removed off the clock. */
    static Variant ready(Starter s) {
        return new StarterVariant(s, () -> {
            long t0 = System.nanoTime();
            Starter.Started c = s.start();
            long t = System.nanoTime() - t0;
            c.close();
            return t;
        });
    }

    /** {@code n} containers at once: time until all answer; removed off the clock. */
    static Variant parallel(Starter s, int n) {
        return new StarterVariant(s, () -> {
            long t0 = System.nanoTime();
            List<Starter.Started> all = s.startAll(n);
            long t = System.nanoTime() - t0;
            try {
                long distinct = all.stream().map(c -> c.host() + ":" + c.port()).distinct().count();
                if (distinct != n) {
                    throw new IllegalStateException(s.name() + " returned " + distinct + " distinct containers for "
                            + n + " requested");
                }
            } finally {
                Starter.closeAll(all);
            }
            return t;
        });
    }

    private Variant suite(String name, String technology) {
        return new SuiteRun(name, CycleSuite.class, "answers", testsPerSuite, SuiteRun.Clock.SUITE,
                Map.of(StarterResolver.TECHNOLOGY, technology, StarterResolver.RUN_ID, runId));
    }

    /** A variant whose measurement is computed by a body and which closes its starter. */
    private record StarterVariant(Starter starter, Measurement body) implements Variant {
        @Override
        public String name() {
            return starter.name();
        }

        @Override
        public long measure() throws Exception {
            return body.nanos();
        }

        @Override
        public void close() throws Exception {
            starter.close();
        }
    }

    @FunctionalInterface
    private interface Measurement {
        long nanos() throws Exception;
    }
}
