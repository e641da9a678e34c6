package dev.berth.compose;

import dev.berth.BerthException;
import java.util.Optional;

/**
 * A compose file Berth cannot run: invalid YAML, an unsupported key, a bad value, an unknown service
 * in {@code depends_on}, a cycle, a missing env file or a variable with no value. Thrown before any
 * container, network, volume or image of the project exists. The message is Berth's
 * {@code Invalid <field>: <value>. Allowed: … Example: …} followed by where it is: the file, the
 * line and column (1-based) and the key's path, e.g. {@code services.app.mem_limit}.
 */
public final class ComposeFileException extends BerthException {
    private static final long serialVersionUID = 1L;
    /** The compose file, as given. */
    private final String file;
    /** The 1-based line, 0 when unknown. */
    private final int line;
    /** The 1-based column, 0 when unknown. */
    private final int column;

    ComposeFileException(String message, Location at) {
        super(message + " " + at.describe());
        this.file = at.file();
        this.line = at.line();
        this.column = at.column();
    }

    /** @return the compose file, as it was given */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or empty when the error concerns the whole file */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** @return the 1-based column, or empty when the error concerns the whole file */
    public Optional<Integer> column() {
        return column > 0 ? Optional.of(column) : Optional.empty();
    }
}
