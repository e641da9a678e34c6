package dev.berth.compose;

import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** A compose file read into SnakeYAML Engine nodes (which keep line and column), with its interpolation. */
final class Source {
    private final String file;
    private final Interpolation interpolation;

    private Source(String file, Interpolation interpolation) {
        this.file = file;
        this.interpolation = interpolation;
    }

    /**
     * @param path the compose file
     * @param shown how it is named in errors (as the caller gave it)
     * @param interpolation the variables values are interpolated with
     * @return the document's root
     * @throws ComposeFileException for invalid YAML, with the line and column of the problem
     */
    static Value read(Path path, String shown, Interpolation interpolation) {
        Source source = new Source(shown, interpolation);
        LoadSettings settings = LoadSettings.builder().setLabel(shown).setAllowDuplicateKeys(true).build();
        Optional<Node> root;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            // the composer directly: the lowlevel API package is not exported by the snakeyaml-engine module
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, in))).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            String context = e.getContext() == null ? "" : e.getContext() + e.getContextMark()
                    .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("") + ": ";
            throw new ComposeFileException(InvalidSpecException.message("YAML", context + e.getProblem(),
                    "a YAML document (see https://yaml.org/spec/1.2.2/)", "services: {db: {image: \"postgres:15\"}}"),
                    Location.of(shown, e.getProblemMark(), ""));
        } catch (YamlEngineException e) {
            throw new ComposeFileException(InvalidSpecException.message("YAML", e.getMessage(),
                    "a YAML document (see https://yaml.org/spec/1.2.2/)", "services: {db: {image: \"postgres:15\"}}"),
                    Location.file(shown));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the compose file " + path, e);
        }
        if (root.isEmpty()) {
            throw new ComposeFileException(InvalidSpecException.message("compose file", "", "a mapping with"
                    + " services", "services: {db: {image: \"postgres:15\"}}"), Location.file(shown));
        }
        return new Value(source, root.get(), null, "");
    }

    String file() {
        return file;
    }

    String interpolate(String text, Value at) {
        return interpolation.apply(text, at);
    }
}
