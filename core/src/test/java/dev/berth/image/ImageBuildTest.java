package dev.berth.image;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuildTest extends WithEngine {

    @TempDir
    Path dir;

    @Test
    void buildsWithArgsLabelsTheImageAndRemovesItOnClose() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM localhost:5000/berth-fixtures/busybox:1
                ARG GREETING=hello
                COPY message.txt /message.txt
                RUN echo "$GREETING" > /greeting && cat /message.txt
                LABEL greeting=$GREETING
                """);
        Files.writeString(dir.resolve("message.txt"), "built by Berth\n");
        String tag = "berth-test/" + TestImages.uniqueName() + ":built";
        String id;
        try (Engine own = Berth.connect()) {
            ImageRef built = own.images().build(dir, Map.of("GREETING", "from-berth"), tag);
            assertThat(built).isEqualTo(ImageRef.parse(tag));
            InspectImageResponse image = own.docker().inspectImageCmd(tag).exec();
            id = image.getId();
            Map<String, String> labels = image.getConfig().getLabels();
            assertThat(labels).containsEntry("greeting", "from-berth")
                    .containsEntry(Session.LABEL_SESSION, Internals.ledger(own).id())
                    .containsEntry(Session.LABEL_PID, Long.toString(Internals.ledger(own).pid()))
                    .containsKeys(Session.LABEL_HOST, Session.LABEL_CREATED);
            assertThat(Internals.ledger(own).heldNewestFirst())
                    .containsExactly(new Session.Resource(Session.Kind.IMAGE, id, tag));
        }
        assertThatThrownBy(() -> engine.docker().inspectImageCmd(id).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailingStepNamesTheEnginesError() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM localhost:5000/berth-fixtures/busybox:1\nRUN exit 3\n");
        String tag = "berth-test/" + TestImages.uniqueName() + ":broken";
        assertThatThrownBy(() -> engine.images().build(dir, Map.of(), tag)).isInstanceOf(BerthException.class)
                .hasMessage("Building " + tag + " from " + dir + " failed: The command '/bin/sh -c exit 3' returned"
                        + " a non-zero code: 3. Fix the Dockerfile; the build output is logged at DEBUG by"
                        + " dev.berth.image.ImageBuilder.");
        assertThat(engine.images().exists(tag)).isFalse();
    }

    @Test
    void rejectsAMissingDirectoryOrDockerfile() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> engine.images().build(missing, Map.of(), "berth-test/x:1"))
                .isInstanceOf(BerthException.class)
                .hasMessage("Cannot build berth-test/x:1 from " + missing + ": the directory does not exist."
                        + " Pass a directory holding a Dockerfile.");
        assertThatThrownBy(() -> engine.images().build(dir, Map.of(), "berth-test/x:1"))
                .hasMessage("Cannot build berth-test/x:1 from " + dir + ": it has no Dockerfile."
                        + " Pass a directory holding a Dockerfile.");
        assertThatThrownBy(() -> engine.images().build(dir, Map.of(), "Bad Tag"))
                .hasMessageStartingWith("Invalid image reference: \"Bad Tag\".");
    }
}
