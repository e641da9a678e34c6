package dev.berth.image;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageImportTest extends WithEngine {

    @TempDir
    Path tmp;

    @Test
    void importsARootfsWithChangesLabelsItAndRemovesItOnClose() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("motd"), "hello from a tiny rootfs\n");
        Path tar = tmp.resolve("rootfs.tar");
        ImageLoadTest.tar(tmp.resolve("rootfs"), tar);
        ImageRef target = ImageRef.parse("berth-test/" + TestImages.uniqueName() + ":imported");
        String id;
        try (Engine own = Berth.connect()) {
            assertThat(own.images().importRootfs(tar, target,
                    List.of("CMD [\"cat\", \"/etc/motd\"]", "ENV GREETING=\"hello world\"", "EXPOSE 8080",
                            "WORKDIR /etc"))).isEqualTo(target);
            InspectImageResponse image = own.docker().inspectImageCmd(target.toString()).exec();
            id = image.getId();
            assertThat(image.getConfig().getCmd()).containsExactly("cat", "/etc/motd");
            assertThat(image.getConfig().getEnv()).contains("GREETING=hello world");
            assertThat(image.getConfig().getExposedPorts()).containsExactly(ExposedPort.tcp(8080));
            assertThat(image.getConfig().getWorkingDir()).isEqualTo("/etc");
            assertThat(image.getConfig().getLabels()).containsEntry(Session.LABEL_SESSION, Internals.ledger(own).id())
                    .containsKeys(Session.LABEL_PID, Session.LABEL_HOST, Session.LABEL_CREATED);
            assertThat(Internals.ledger(own).heldNewestFirst())
                    .containsExactly(new Session.Resource(Session.Kind.IMAGE, id, target.toString()));
        }
        assertThatThrownBy(() -> engine.docker().inspectImageCmd(id).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingAnImportedImageForgetsIt() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        Files.writeString(rootfs.resolve("file"), "x");
        Path tar = tmp.resolve("rootfs.tar");
        ImageLoadTest.tar(rootfs, tar);
        ImageRef target = ImageRef.parse("berth-test/" + TestImages.uniqueName() + ":removed");
        try (Engine own = Berth.connect()) {
            own.images().importRootfs(tar, target, List.of());
            assertThat(Internals.ledger(own).heldNewestFirst()).hasSize(1);
            assertThat(own.images().remove(target)).isTrue();
            assertThat(own.images().exists(target)).isFalse();
            assertThat(Internals.ledger(own).heldNewestFirst()).isEmpty();
        }
    }

    @Test
    void rejectsAnInstructionImportCannotApply() {
        ImageRef target = ImageRef.parse("berth-test/never:1");
        assertThatThrownBy(() -> engine.images().importRootfs(tmp.resolve("x.tar"), target, List.of("RUN echo")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid import change: \"RUN echo\". Allowed: a Dockerfile instruction: CMD, ENTRYPOINT,"
                        + " ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR. Example: CMD [\"sh\"].");
        assertThatThrownBy(() -> engine.images().importRootfs(tmp.resolve("x.tar"), target, List.of("CMD")))
                .hasMessageStartingWith("Invalid import change: \"CMD\".");
    }

    @Test
    void rejectsAMissingFileAndNamesTheEnginesErrorForGarbage() throws Exception {
        ImageRef target = ImageRef.parse("berth-test/" + TestImages.uniqueName() + ":never");
        Path missing = tmp.resolve("missing.tar");
        assertThatThrownBy(() -> engine.images().importRootfs(missing, target, List.of()))
                .isInstanceOf(BerthException.class)
                .hasMessage("Cannot import a root filesystem from " + missing + ": the file does not exist."
                        + " Pass the path of a tar archive (.tar or .tar.gz).");
        Path garbage = Files.writeString(tmp.resolve("garbage.tar"), "not a tar");
        assertThatThrownBy(() -> engine.images().importRootfs(garbage, target, List.of()))
                .isInstanceOf(BerthException.class)
                .hasMessageStartingWith("Cannot import " + garbage + " as " + target + ": the engine rejected it: ");
        assertThat(engine.images().exists(target)).isFalse();
    }
}
