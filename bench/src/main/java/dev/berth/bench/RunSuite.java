package dev.berth.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs one bench suite once through the Platform launcher and prints its per-test time, for measuring what a run
 * costs from outside ({@code /usr/bin/time -v}: CPU and peak memory of the JVM), e.g. with and without
 * {@code berth.prepare-ahead}:
 * {@code java -cp … dev.berth.bench.RunSuite dev.berth.bench.suites.ExtensionCycleSuite answers 20 berth.prepare-ahead=0}.
 */
public final class RunSuite {
    private RunSuite() {
    }

    /**
     * @param args the suite class, its repeated test method, the number of tests, then {@code key=value}
     *     configuration parameters
     * @throws Exception when the suite fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: RunSuite <suite class> <method> <tests> [key=value ...]");
        }
        Map<String, String> config = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            config.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int tests = Integer.parseInt(args[2]);
        SuiteRun run = new SuiteRun(args[0], Class.forName(args[0]), args[1], tests, SuiteRun.Clock.SUITE, config);
        long nanos = run.measure();
        System.out.printf("%s %s: %.1f ms per test (suite wall time / %d)%n", args[0], config, nanos / 1e6, tests);
    }
}
