package dev.berth.cli;

import dev.berth.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth report <dir>}: builds index.html from the berth-run.json a run left there. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Builds the HTML run report (index.html) from the berth-run.json a run wrote,",
            "e.g. target/berth-reports of a CI artifact. Needs no engine."},
        footer = {"", "Exit codes: 0 written, 1 no readable berth-run.json, 2 bad usage."})
final class ReportCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "DIR", description = "The report directory, e.g. target/berth-reports.")
    Path dir;

    ReportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path page = RunReport.render(dir);
        context.out().println("Wrote " + page);
        return ExitCodes.OK;
    }
}
