package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageSubstitutionTest {
    private static ImageRef ref(String s) {
        return ImageRef.parse(s);
    }

    @Test
    void noneKeepsEveryImage() {
        assertThat(ImageSubstitution.none().apply(ref("postgres:15"), r -> false)).isEqualTo(ref("postgres:15"));
        assertThat(ImageSubstitution.none().substitute(ref("postgres:15"), r -> false)).isEmpty();
    }

    @Test
    void exactRuleReplacesOnlyThatImage() {
        ImageSubstitution s = ImageSubstitution.none().withImage("postgres:15", "localhost:5000/berth-fixtures/postgres:15");
        assertThat(s.apply(ref("postgres:15"), r -> false)).hasToString("localhost:5000/berth-fixtures/postgres:15");
        assertThat(s.apply(ref("postgres:16"), r -> false)).hasToString("postgres:16");
    }

    @Test
    void prefixAppliesToDockerHubImagesOnlyAndDropsLibrary() {
        ImageSubstitution s = ImageSubstitution.none().withPrefix("localhost:5000/mirror/");
        assertThat(s.apply(ref("redis:7"), r -> false)).hasToString("localhost:5000/mirror/redis:7");
        assertThat(s.apply(ref("library/redis:7"), r -> false)).hasToString("localhost:5000/mirror/redis:7");
        assertThat(s.apply(ref("apache/kafka:4.1.1"), r -> false)).hasToString("localhost:5000/mirror/apache/kafka:4.1.1");
        assertThat(s.apply(ref("quay.io/x/y:1"), r -> false)).hasToString("quay.io/x/y:1");
    }

    @Test
    void prefixLeavesImagesTheEngineHasAlone() {
        ImageSubstitution s = ImageSubstitution.none().withPrefix("localhost:5000/mirror/");
        assertThat(s.apply(ref("berth-snapshots/db:1"), r -> r.repository().equals("berth-snapshots/db")))
                .hasToString("berth-snapshots/db:1");
        assertThat(s.apply(ref("redis:7"), r -> r.repository().equals("berth-snapshots/db")))
                .hasToString("localhost:5000/mirror/redis:7");
    }

    @Test
    void exactRuleWinsOverPrefix() {
        ImageSubstitution s = ImageSubstitution.none().withPrefix("localhost:5000/berth-fixtures/")
                .withImage("apache/kafka:4.1.1", "localhost:5000/berth-fixtures/kafka:4");
        assertThat(s.apply(ref("apache/kafka:4.1.1"), r -> false)).hasToString("localhost:5000/berth-fixtures/kafka:4");
        assertThat(s.apply(ref("mariadb:10.11"), r -> false)).hasToString("localhost:5000/berth-fixtures/mariadb:10.11");
    }

    @Test
    void settingsComeFromPropertiesBeforeEnvironment() {
        ImageSubstitution s = ImageSubstitution.fromSettings(
                Map.of("berth.image.prefix", "localhost:5000/a/"),
                Map.of("BERTH_IMAGE_PREFIX", "localhost:5000/b/",
                        "BERTH_IMAGE_SUBSTITUTIONS", " redis:7=localhost:5000/r:7 , postgres:15=localhost:5000/p:15"));
        assertThat(s.prefix()).isEqualTo("localhost:5000/a/");
        assertThat(s.images()).containsOnlyKeys("redis:7", "postgres:15");
        assertThat(ImageSubstitution.fromSettings(Map.of(), Map.of())).isEqualTo(ImageSubstitution.none());
    }

    @Test
    void badPairIsRejectedWithTheUsualMessage() {
        assertThatThrownBy(() -> ImageSubstitution.fromSettings(Map.of("berth.image.substitutions", "postgres:15"), Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid berth.image.substitutions: \"postgres:15\". Allowed: comma-separated from=to image pairs. "
                        + "Example: postgres:15=localhost:5000/berth-fixtures/postgres:15.");
    }

    @Test
    void badPrefixIsRejectedWithTheUsualMessage() {
        assertThatThrownBy(() -> ImageSubstitution.none().withPrefix("localhost:5000/x"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid berth.image.prefix: \"localhost:5000/x\". Allowed: a registry and optional path ending with /. "
                        + "Example: localhost:5000/berth-fixtures/.");
    }
}
