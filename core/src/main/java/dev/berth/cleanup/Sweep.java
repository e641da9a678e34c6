package dev.berth.cleanup;

import dev.berth.engine.Durations;
import dev.berth.BerthException;
import dev.berth.engine.EngineLocator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Command line for CI pipelines and people: lists the Berth-labelled leftovers of dead sessions and,
 * with {@code --remove}, removes them. Dry run by default. Run it with {@code scripts/sweep}.
 *
 * <pre>
 * scripts/sweep                      # list leftovers of dead sessions (dry run)
 * scripts/sweep --remove             # remove them
 * scripts/sweep --older-than 1h      # list everything Berth created more than an hour ago, alive or not
 * </pre>
 *
 * <p>Exit status: 0 done, 1 some removal failed, 2 bad usage, 3 no engine answered.
 */
public final class Sweep {
    static final String USAGE = """
            Usage: sweep [--dry-run | --remove] [--all-dead | --older-than DURATION] [--max-age DURATION] [--session ID]
              --dry-run            list leftovers, remove nothing (the default)
              --remove             remove the leftovers listed
              --all-dead           leftovers of dead sessions (the default): on this host, sessions whose JVM
                                   is gone; from other hosts or on a remote engine, sessions older than --max-age
              --older-than D       everything Berth created more than D ago (e.g. 30m, 1h, 2d), alive or not
              --max-age D          age after which an uncheckable session counts as dead (default 1h,
                                   or berth.sweep.max-age / BERTH_SWEEP_MAX_AGE)
              --session ID         look only at the resources of this session (dev.berth.session=ID)
            Only resources labelled dev.berth.session are considered; kept snapshots (dev.berth.keep=true)
            are never removed. The engine is found like Berth.connect() does (DOCKER_HOST, then the socket).""";

    private Sweep() {
    }

    /** Parsed command line. */
    record Options(boolean remove, SweepPolicy.Mode mode, Duration age, String session) {
        static Options parse(List<String> args, Duration defaultMaxAge) {
            boolean remove = false;
            SweepPolicy.Mode mode = SweepPolicy.Mode.DEAD;
            Duration olderThan = null;
            Duration maxAge = defaultMaxAge;
            String session = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--dry-run" -> remove = false;
                    case "--remove" -> remove = true;
                    case "--all-dead" -> mode = SweepPolicy.Mode.DEAD;
                    case "--older-than" -> {
                        mode = SweepPolicy.Mode.OLDER_THAN;
                        olderThan = Durations.parse("--older-than", value(args, ++i, a));
                    }
                    case "--max-age" -> maxAge = Durations.parse("--max-age", value(args, ++i, a));
                    case "--session" -> session = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("Unknown option " + a + ".");
                }
            }
            return new Options(remove, mode, mode == SweepPolicy.Mode.OLDER_THAN ? olderThan : maxAge, session);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException("Option " + option + " needs a value, e.g. "
                        + option + (option.equals("--session") ? " <session uuid>" : " 1h") + ".");
            }
            return args.get(i);
        }
    }

    /**
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param out where the listing goes
     * @param err where usage errors go
     * @param env the environment (to find the engine)
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args, SweepSettings.from(System.getProperties(), env).maxAge());
        } catch (IllegalArgumentException | BerthException e) {
            err.println("sweep: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        EngineLocator.Located engine;
        try {
            engine = new EngineLocator(env).locate();
        } catch (BerthException e) {
            err.println("sweep: " + e.getMessage());
            return 3;
        }
        try {
            SweepPolicy policy = SweepPolicy.forThisJvm(options.mode(), options.age(), engine.endpoint().isLocal(), null);
            return report(new Sweeper(engine.client(), policy, options.session()), options, engine.endpoint().dockerHost(), out);
        } finally {
            try {
                engine.client().close();
            } catch (java.io.IOException ignored) {
                // the listing is complete; nothing else to release
            }
        }
    }

    private static int report(Sweeper sweeper, Options options, String where, PrintStream out) {
        List<Leftover> found = sweeper.find();
        String what = options.mode() == SweepPolicy.Mode.DEAD ? "of dead sessions"
                : "older than " + Durations.format(options.age());
        out.println("Berth sweep" + (options.remove() ? "" : " (dry run)") + " on " + where + ": "
                + found.size() + " leftover(s) " + what);
        found.forEach(l -> out.println("  " + l.describe()));
        if (found.isEmpty()) {
            return 0;
        }
        if (!options.remove()) {
            out.println("Nothing was removed. Run again with --remove to remove them.");
            return 0;
        }
        Sweeper.Result result = sweeper.remove(found);
        out.println("Removed " + result.removed().size() + " of " + found.size() + " in " + result.took().toMillis() + " ms.");
        result.failures().forEach(f -> out.println("  could not " + f.step() + ": " + f.reason()));
        return result.failures().isEmpty() ? 0 : 1;
    }
}
