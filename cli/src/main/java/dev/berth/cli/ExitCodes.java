package dev.berth.cli;

import dev.berth.EngineUnavailableException;
import dev.berth.InvalidSpecException;

/** The exit codes every subcommand uses (documented in docs/cli.md). */
final class ExitCodes {
    /** Done; for {@code doctor}: Berth can run here. */
    static final int OK = 0;
    /** The work ran but something failed: a doctor check, a removal, a save or load. */
    static final int FAILED = 1;
    /** Bad command line: unknown option, missing or invalid value. */
    static final int USAGE = 2;
    /** No engine answered. */
    static final int NO_ENGINE = 3;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof EngineUnavailableException) {
            return NO_ENGINE;
        }
        if (e instanceof InvalidSpecException || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILED;
    }
}
