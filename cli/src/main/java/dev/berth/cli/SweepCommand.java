package dev.berth.cli;

import dev.berth.Engine;
import dev.berth.LeftoverResource;
import dev.berth.Quantities;
import dev.berth.SweepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth sweep}: lists (default) or removes the Berth-labelled leftovers of dead sessions. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Lists the containers, networks, images and volumes that dead Berth sessions left behind;",
            "with --remove, removes them. Only resources labelled dev.berth.session are considered; kept",
            "snapshots (dev.berth.keep=true) are never removed."},
        footer = {"", "Exit codes: 0 done, 1 a removal failed, 2 bad usage, 3 no engine answered."})
final class SweepCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = "--remove", description = "Remove the leftovers listed (default: dry run, remove nothing).")
    boolean remove;

    @Option(names = "--older-than", paramLabel = "DURATION",
            description = "Everything Berth created longer ago than this (e.g. 30m, 1h, 2d), alive or not, "
                    + "instead of dead sessions only.")
    String olderThan;

    @Option(names = "--session", paramLabel = "ID", description = "Only the resources of this session "
            + "(dev.berth.session=ID).")
    String session;

    SweepCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<Duration> age = Optional.ofNullable(olderThan).map(t -> Quantities.duration("--older-than", t));
        try (Engine engine = context.connect()) {
            List<LeftoverResource> found = engine.leftovers().find(age).stream()
                    .filter(l -> session == null || l.session().equals(session)).toList();
            String what = age.map(a -> "older than " + Quantities.format(a)).orElse("of dead sessions");
            context.out().println("Berth sweep" + (remove ? "" : " (dry run)") + " on " + engine.endpoint().dockerHost()
                    + ": " + found.size() + " leftover(s) " + what);
            found.forEach(l -> context.out().println("  " + l.description()));
            if (found.isEmpty()) {
                return ExitCodes.OK;
            }
            if (!remove) {
                context.out().println("Nothing was removed. Run again with --remove to remove them.");
                return ExitCodes.OK;
            }
            SweepResult result = engine.leftovers().remove(found);
            context.out().println("Removed " + result.removed().size() + " of " + found.size() + ".");
            result.failures().forEach(f -> context.out().println("  could not " + f));
            return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
