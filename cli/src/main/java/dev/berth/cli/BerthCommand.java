package dev.berth.cli;

import picocli.CommandLine.Command;

/** The top command: only subcommands. */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks, cleans and caches what Berth's test runs need, and builds their run report.",
        subcommands = {DoctorCommand.class, SweepCommand.class, CacheCommand.class, ReportCommand.class},
        footer = {"", "Exit codes: 0 done (doctor: Berth can run), 1 something failed, 2 bad usage, 3 no engine answered.",
            "DOCKER_HOST, when set, is the only engine tried."})
final class BerthCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: doctor, sweep, cache or report");
    }
}
