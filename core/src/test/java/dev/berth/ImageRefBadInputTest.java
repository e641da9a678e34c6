package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageRefBadInputTest {
    private static final String TAIL = ". Allowed: [registry/]repository[:tag][@sha256:digest], lowercase repository."
            + " Example: localhost:5000/berth-fixtures/redis:7.";

    @ParameterizedTest
    @ValueSource(strings = {"Redis:7", "redis:", "redis:bad tag", "redis:-x", "localhost:5000/", "a//b",
        "redis@sha256:xyz", "redis@", "-redis", "berth_/x", "bad host:5000/x", "localhost:99999999/x", " ", "a/B/c"})
    void rejectsWithTheExactMessage(String reference) {
        assertThatThrownBy(() -> ImageRef.parse(reference)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid image reference: \"" + reference + "\"" + TAIL);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ImageRef.parse(null)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid image reference: \"null\"" + TAIL);
    }

    @Test
    void rejectsATagLongerThan128Characters() {
        String reference = "redis:" + "a".repeat(129);
        assertThatThrownBy(() -> ImageRef.parse(reference)).hasMessage("Invalid image reference: \"" + reference
                + "\"" + TAIL);
    }

    @Test
    void dockerHubReferencesMoveToTheMirrorUnderLibrary() {
        assertThat(ImageRef.parse("redis:7").withRegistry("localhost:5000").toString())
                .isEqualTo("localhost:5000/library/redis:7");
        assertThat(ImageRef.parse("docker.io/bitnami/redis").isDockerHub()).isTrue();
        assertThat(ImageRef.parse("localhost:5000/x:1").isDockerHub()).isFalse();
    }
}
