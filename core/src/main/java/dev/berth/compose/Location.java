package dev.berth.compose;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where something is in a compose file: the file as given, a 1-based line and column (0 when unknown)
 * and the key path, e.g. {@code services.app.ports}.
 */
record Location(String file, int line, int column, String path) {
    static Location of(String file, Node node, String path) {
        return of(file, node.getStartMark(), path);
    }

    static Location of(String file, Optional<Mark> mark, String path) {
        return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1, path))
                .orElseGet(() -> new Location(file, 0, 0, path));
    }

    static Location file(String file) {
        return new Location(file, 0, 0, "");
    }

    /** @return e.g. {@code At compose.yml, line 7, column 5 (services.app.links).} */
    String describe() {
        StringBuilder b = new StringBuilder("At ").append(file);
        if (line > 0) {
            b.append(", line ").append(line).append(", column ").append(column);
        }
        if (!path.isEmpty()) {
            b.append(" (").append(path).append(')');
        }
        return b.append('.').toString();
    }
}
