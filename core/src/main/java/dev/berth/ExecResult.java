package dev.berth;

/**
 * What a command run with {@link RunningContainer#exec(ExecSpec)} produced.
 *
 * @param exitCode the command's exit code
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record ExecResult(long exitCode, String stdout, String stderr) {
    /** @return true when the exit code is 0 */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
