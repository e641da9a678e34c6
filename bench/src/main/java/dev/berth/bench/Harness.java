package dev.berth.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a scenario: {@code warmup} untimed rounds, then {@code iterations} measured rounds, each
 * round calling every variant once in turn (A B C A B C …) so that drift of a shared machine hits
 * all variants alike.
 */
public final class Harness {
    private final int warmup;
    private final int iterations;
    private final PrintStream log;

    /**
     * @param warmup untimed rounds before measuring
     * @param iterations measured rounds
     * @param log where progress goes
     */
    public Harness(int warmup, int iterations, PrintStream log) {
        if (warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("warmup must be >= 0 and iterations >= 1, got "
                    + warmup + " and " + iterations);
        }
        this.warmup = warmup;
        this.iterations = iterations;
        this.log = log;
    }

    /**
     * @param scenario what to run; its variants are closed afterwards
     * @return one {@link Stats} per variant, in the scenario's order
     * @throws Exception the first failure of a variant, naming it
     */
    public List<Stats> run(Scenario scenario) throws Exception {
        List<Variant> variants = scenario.variants();
        List<List<Long>> samples = new ArrayList<>();
        variants.forEach(v -> samples.add(new ArrayList<>()));
        try {
            for (int round = 0; round < warmup + iterations; round++) {
                boolean measured = round >= warmup;
                for (int i = 0; i < variants.size(); i++) {
                    long nanos = measureOnce(scenario, variants.get(i));
                    log.printf(Locale.ROOT, "  %-8s %-16s %-8s %9.1f ms%n", scenario.id(), variants.get(i).name(),
                            measured ? "run " + (round - warmup + 1) : "warm-up", nanos / 1e6);
                    if (measured) {
                        samples.get(i).add(nanos);
                    }
                }
            }
        } finally {
            closeAll(scenario);
        }
        List<Stats> stats = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            stats.add(new Stats(variants.get(i).name(), samples.get(i)));
        }
        return stats;
    }

    private static long measureOnce(Scenario scenario, Variant variant) throws Exception {
        try {
            return variant.measure();
        } catch (Exception e) {
            throw new IllegalStateException("Scenario '" + scenario.id() + "', variant '" + variant.name()
                    + "' failed: " + e, e);
        }
    }

    private void closeAll(Scenario scenario) {
        for (Variant v : scenario.variants()) {
            try {
                v.close();
            } catch (Exception e) {
                log.println("  closing " + v.name() + " failed: " + e);
            }
        }
        try {
            scenario.shared().close();
        } catch (Exception e) {
            log.println("  closing the setup of " + scenario.id() + " failed: " + e);
        }
    }
}
