package dev.berth.compose;

import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} or {@code env_file} file as compose does: {@code NAME=value} lines, blank
 * lines and {@code #} comments skipped, an optional {@code export } prefix, a value in matching single or
 * double quotes unquoted. Values are taken literally (not interpolated).
 */
final class EnvFile {
    private EnvFile() {
    }

    /**
     * @param file an existing file
     * @param shown how the file is named in errors
     * @return the variables in file order
     */
    static Map<String, String> read(Path file, String shown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 1 || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new ComposeFileException(InvalidSpecException.message("env file line", lines.get(i),
                        "NAME=value, a # comment or a blank line", "POSTGRES_PASSWORD=secret"),
                        new Location(shown, i + 1, 1, ""));
            }
            out.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
