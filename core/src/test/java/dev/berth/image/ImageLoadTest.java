package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoadTest extends WithEngine {
    static final Path BUSYBOX_TAR = dev.berth.Fixtures.busyboxArchive();
    private static final String HINT = ". Pass an archive written by docker save (.tar, or .tar.gz).";

    @TempDir
    Path tmp;

    @Test
    void loadsADockerSaveArchive() {
        assertThat(engine.images().load(BUSYBOX_TAR)).containsExactly("berth-fixtures/busybox:1");
        assertThat(engine.images().exists("berth-fixtures/busybox:1")).isTrue();
    }

    @Test
    void loadsAGzippedArchiveWhateverItsName() throws IOException {
        Path gz = tmp.resolve("busybox.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(BUSYBOX_TAR, out);
        }
        assertThat(engine.images().load(gz)).containsExactly("berth-fixtures/busybox:1");
        Path oddName = Files.copy(gz, tmp.resolve("archive.bin"));
        assertThat(engine.images().load(oddName)).containsExactly("berth-fixtures/busybox:1");
    }

    @Test
    void rejectsAMissingFileOrADirectory() {
        Path missing = tmp.resolve("missing.tar");
        assertThatThrownBy(() -> engine.images().load(missing)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot load images from " + missing + ": the file does not exist."
                        + " Pass the path of a tar archive (.tar or .tar.gz).");
        assertThatThrownBy(() -> engine.images().load(tmp)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot load images from " + tmp + ": it is a directory."
                        + " Pass the path of a tar archive (.tar or .tar.gz).");
    }

    @Test
    void rejectsAFileThatIsNotATarBeforeSendingIt() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.tar"), "just some text, not an archive\n");
        assertThatThrownBy(() -> engine.images().load(text)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot load images from " + text + ": it is not a tar archive" + HINT);
        Path gz = tmp.resolve("notes.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("not a tar either".getBytes());
        }
        assertThatThrownBy(() -> engine.images().load(gz)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot load images from " + gz + ": it is not a tar archive inside gzip" + HINT);
        Path broken = Files.write(tmp.resolve("broken.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5});
        assertThatThrownBy(() -> engine.images().load(broken)).isInstanceOf(BerthException.class)
                .hasMessage("Cannot load images from " + broken + ": it is not valid gzip (Unsupported compression "
                        + "method)" + HINT);
    }

    @Test
    void reportsTheEnginesErrorForATarThatIsNotAnImageArchive() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(dir.resolve("hello.txt"), "hello");
        Path tar = tmp.resolve("plain.tar");
        tar(dir, tar);
        assertThatThrownBy(() -> engine.images().load(tar)).isInstanceOf(BerthException.class)
                // Berth's text around the engine's own reason (Docker names a path under its data root there;
                // Podman lists each format it tried, one a line)
                .hasMessageMatching("(?s)" + java.util.regex.Pattern.quote("Cannot load images from " + tar
                        + ": the engine rejected it: ") + ".+\\. Pass an archive written by docker save\\.");
    }

    static void tar(Path dir, Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("tar", "--format=ustar", "-cf", target.toString(), "-C",
                dir.toString(), ".")).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
