package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose's interpolation forms, through a real file so errors carry their place. */
class InterpolationTest {
    @TempDir
    Path dir;

    String value(String expression, Map<String, String> env) throws IOException {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, "services:\n  app:\n    image: busybox\n    environment:\n      V: '" + expression + "'\n");
        ComposeProject p = ComposeProject.file(file);
        for (Map.Entry<String, String> e : env.entrySet()) {
            p = p.withEnv(e.getKey(), e.getValue());
        }
        return p.load().service("app").spec().env().get("V");
    }

    @Test
    void forms() throws IOException {
        Map<String, String> env = Map.of("SET", "x", "EMPTY", "");
        assertThat(value("${SET}", env)).isEqualTo("x");
        assertThat(value("$SET-y", env)).isEqualTo("x-y");
        assertThat(value("a${SET}b", env)).isEqualTo("axb");
        assertThat(value("${BERTH_T_UNSET:-d}", env)).isEqualTo("d");
        assertThat(value("${EMPTY:-d}", env)).isEqualTo("d");
        assertThat(value("${EMPTY-d}", env)).isEqualTo("");
        assertThat(value("${BERTH_T_UNSET-d}", env)).isEqualTo("d");
        assertThat(value("${SET:?no}", env)).isEqualTo("x");
        assertThat(value("${EMPTY?no}", env)).isEqualTo("");
        assertThat(value("$$SET and $${SET}", env)).isEqualTo("$SET and ${SET}");
        assertThat(value("${BERTH_T_UNSET:-}", env)).isEqualTo("");
    }

    @Test
    void theDotEnvFileIsReadAndTheEnvironmentWins() throws IOException {
        Files.writeString(dir.resolve(".env"), "# comment\n\nFROM_DOTENV=dot\nexport BOTH='from .env'\n");
        assertThat(value("${FROM_DOTENV}", Map.of())).isEqualTo("dot");
        assertThat(value("${BOTH}", Map.of())).isEqualTo("from .env");
        assertThat(value("${BOTH}", Map.of("BOTH", "from env"))).isEqualTo("from env");
    }

    @Test
    void anEmptyRequiredVariable() {
        assertThatThrownBy(() -> value("${EMPTY:?}", Map.of("EMPTY", ""))).isInstanceOf(ComposeFileException.class)
                .hasMessage("Invalid interpolation: \"${EMPTY:?}\". Allowed: EMPTY set and not empty. Example:"
                        + " EMPTY=value in the environment or .env. At " + dir.resolve("docker-compose.yml")
                        + ", line 5, column 10 (services.app.environment.V).");
    }

    @Test
    void anUnknownForm() {
        assertThatThrownBy(() -> value("${SET:+alt}", Map.of("SET", "x"))).isInstanceOf(ComposeFileException.class)
                .hasMessage("Invalid interpolation: \"${SET:+alt}\". Allowed: " + Interpolation.FORMS
                        + ". Example: ${TAG:-latest}. At " + dir.resolve("docker-compose.yml")
                        + ", line 5, column 10 (services.app.environment.V).");
        assertThatThrownBy(() -> value("cost: 5$", Map.of())).isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith("Invalid interpolation: \"$\". Allowed: " + Interpolation.FORMS);
    }

    @Test
    void aBadEnvFileLine() throws IOException {
        Files.writeString(dir.resolve(".env"), "OK=1\nnot a variable\n");
        assertThatThrownBy(() -> value("x", Map.of())).isInstanceOf(ComposeFileException.class)
                .hasMessage("Invalid env file line: \"not a variable\". Allowed: NAME=value, a # comment or a blank"
                        + " line. Example: POSTGRES_PASSWORD=secret. At .env, line 2, column 1.");
    }
}
