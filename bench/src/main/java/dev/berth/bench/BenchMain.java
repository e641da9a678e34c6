package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Version;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The bench's one entry point. {@code --smoke}: every scenario once, nothing written.
 * Otherwise: {@code --warmup W --iterations N [--scenarios ready,parallel,cycle,cold]
 * [--parallel 8] [--tests 20] [--docs docs/benchmarks.md]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a scenario fails
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        List<Report.Section> sections = run(o, System.out);
        String block = Report.render(header(o), sections);
        System.out.println(block);
        if (o.docs() != null) {
            Report.rewrite(o.docs(), block);
            System.out.println("rewrote " + o.docs());
        }
    }

    /**
     * Runs the chosen scenarios, then removes any container of this run still left.
     *
     * @param o the options
     * @param log progress output
     * @return one section per scenario
     * @throws Exception the first failure
     */
    public static List<Report.Section> run(Options o, PrintStream log) throws Exception {
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Scenarios scenarios = new Scenarios(runId, o.parallel(), o.tests());
        Harness harness = new Harness(o.warmup(), o.iterations(), log);
        List<Report.Section> sections = new ArrayList<>();
        try {
            for (String id : o.scenarios()) {
                log.println(id + ":");
                Scenario s = scenarios.create(id);
                sections.add(new Report.Section(s, harness.run(s)));
            }
        } finally {
            int left = sweep(runId);
            if (left > 0) {
                log.println("removed " + left + " container(s) of run " + runId + " left behind");
            }
        }
        return sections;
    }

    /**
     * Removes every container carrying this run's bench label (those created outside Berth).
     *
     * @param runId the run's label value
     * @return how many were left
     */
    static int sweep(String runId) throws Exception {
        try (DockerClient docker = client()) {
            List<Container> left = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(Fixture.LABEL + "=" + runId)).exec();
            for (Container c : left) {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            }
            return left.size();
        }
    }

    private static DockerClient client() {
        return RawClients.local();
    }

    private static List<String> header(Options o) throws Exception {
        String engine;
        try (DockerClient docker = client()) {
            Version v = docker.versionCmd().exec();
            engine = "Docker " + v.getVersion() + " (API " + v.getApiVersion() + ", " + v.getOperatingSystem() + ")";
        }
        return List.of(
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version"),
                "Engine: " + engine,
                "Rounds: " + o.warmup() + " warm-up + " + o.iterations()
                        + " measured, variants interleaved; ratios are medians over the first variant",
                "Command: `" + System.getProperty("bench.command", "BenchMain " + String.join(" ", o.argv())) + "`");
    }

    /**
     * Parsed command line.
     *
     * @param warmup untimed rounds
     * @param iterations measured rounds
     * @param scenarios scenario ids to run
     * @param parallel containers in the parallel scenario
     * @param tests tests per suite in the cycle scenario
     * @param docs page to rewrite, or null
     * @param argv the raw arguments
     */
    public record Options(int warmup, int iterations, List<String> scenarios, int parallel, int tests, Path docs,
                          List<String> argv) {
        /** The smoke mode CI runs: each scenario once, small suites (2 parallel starts, 2 tests), nothing written. */
        public static Options smoke() {
            return new Options(0, 1, Scenarios.ALL, 2, 2, null, List.of("--smoke"));
        }

        /**
         * @param args the command line
         * @return the options
         */
        public static Options parse(String... args) {
            List<String> argv = Arrays.asList(args);
            if (argv.contains("--smoke")) {
                return smoke();
            }
            int warmup = 1;
            int iterations = 10;
            List<String> scenarios = Scenarios.ALL;
            int parallel = 8;
            int tests = 20;
            Path docs = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--iterations" -> iterations = Integer.parseInt(value);
                    case "--scenarios" -> scenarios = List.of(value.split(","));
                    case "--parallel" -> parallel = Integer.parseInt(value);
                    case "--tests" -> tests = Integer.parseInt(value);
                    case "--docs" -> docs = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; use --smoke or"
                            + " --warmup N --iterations N --scenarios " + String.join(",", Scenarios.ALL)
                            + " --parallel N --tests N --docs docs/benchmarks.md");
                }
                i++;
            }
            return new Options(warmup, iterations, scenarios, parallel, tests, docs, argv);
        }
    }
}
