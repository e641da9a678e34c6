package dev.berth.cli;

import dev.berth.Discovery;
import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth doctor}: can Berth run here, and if not, why and how to fix it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that Berth can run here: engine discovery (every location tried), engine and API",
            "version, cgroups and which limits work, namespaces, SELinux/AppArmor, the registry or mirror, disk",
            "space in the engine's data root, leftovers of dead sessions and clock skew. One PASS/WARN/FAIL line",
            "per check, with a fix for each WARN and FAIL."},
        footer = {"", "Exit codes: 0 Berth can run here (no FAIL), 1 a check failed, 2 bad usage, 3 no engine answered."})
final class DoctorCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = "--json", description = "Print the checks as one JSON object instead of text.")
    boolean json;

    DoctorCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        Discovery discovery = context.discover();
        checks.add(DoctorChecks.discovery(discovery, context.dockerHost().isPresent()));
        boolean engineFound = discovery.answered().isPresent();
        if (engineFound) {
            try (Engine engine = context.connect()) {
                checks.addAll(new DoctorChecks(engine).engineChecks());
            } catch (EngineUnavailableException gone) {
                engineFound = false;
                checks.set(0, Check.fail("engine discovery", "the engine stopped answering", DoctorChecks.START_ENGINE));
            }
        }
        if (!engineFound) {
            DoctorChecks.ENGINE_CHECKS.forEach(name -> checks.add(Check.skip(name)));
        }
        long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
        if (json) {
            StringBuilder b = new StringBuilder("{\"canRun\":").append(failed == 0).append(",\"checks\":[");
            for (int i = 0; i < checks.size(); i++) {
                b.append(i == 0 ? "" : ",").append(checks.get(i).json());
            }
            context.out().println(b.append("]}"));
        } else {
            checks.forEach(c -> context.out().print(c.text()));
            context.out().println(failed == 0
                    ? "Berth can run here (" + warned + " warning(s))."
                    : "Berth cannot run here: " + failed + " check(s) failed, " + warned + " warning(s).");
        }
        return !engineFound ? ExitCodes.NO_ENGINE : failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
