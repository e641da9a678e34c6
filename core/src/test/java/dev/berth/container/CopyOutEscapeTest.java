package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy-out through the archive seam, with crafted tars an engine would never produce. */
class CopyOutEscapeTest {
    @TempDir
    Path tmp;

    static byte[] tar(String name, String content, String linkTarget) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry ok = new TarArchiveEntry("dir/ok.txt");
            ok.setSize(2);
            out.putArchiveEntry(ok);
            out.write("ok".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            TarArchiveEntry e = linkTarget == null ? new TarArchiveEntry(name, true)
                    : new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            if (linkTarget != null) {
                e.setLinkName(linkTarget);
            } else {
                e.setSize(content.length());
            }
            out.putArchiveEntry(e);
            if (linkTarget == null) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    ContainerFiles files(byte[] tar) {
        return new ContainerFiles(new ContainerFiles.Archives() {
            @Override
            public InputStream read(String containerId, String path) {
                return new ByteArrayInputStream(tar);
            }

            @Override
            public void write(String containerId, byte[] archive) {
                throw new AssertionError("not used");
            }
        });
    }

    @Test
    void entryEscapingWithDotDotIsRejected() throws Exception {
        Path target = tmp.resolve("target");
        assertThatThrownBy(() -> files(tar("../x", "evil", null)).copyOut("id", "berth-c", "/dir", target))
                .isInstanceOf(BerthException.class)
                .hasMessage("Refused to copy /dir of container berth-c: archive entry \"../x\" would be written"
                        + " outside " + target + ". Nothing outside the target directory is written.");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(Files.readString(target.resolve("dir/ok.txt"))).isEqualTo("ok");
    }

    @Test
    void nestedDotDotAndAbsoluteNamesAreRejected() {
        Path target = tmp.resolve("t2");
        assertThatThrownBy(() -> files(tar("dir/../../y", "evil", null)).copyOut("id", "c", "/dir", target))
                .hasMessageContaining("archive entry \"dir/../../y\" would be written outside " + target);
        assertThatThrownBy(() -> files(tar("/etc/evil", "evil", null)).copyOut("id", "c", "/dir", target))
                .hasMessageContaining("would be written outside " + target);
        assertThat(tmp.resolve("y")).doesNotExist();
    }

    @Test
    void symlinkPointingOutsideIsRejected() {
        Path target = tmp.resolve("t3");
        assertThatThrownBy(() -> files(tar("dir/link", null, "../../../etc/passwd")).copyOut("id", "c", "/dir",
                target))
                .hasMessage("Refused to copy /dir of container c: archive entry \"dir/link -> ../../../etc/passwd\""
                        + " would be written outside " + target + ". Nothing outside the target directory is written.");
        assertThat(target.resolve("dir/link")).doesNotExist();
    }

    @Test
    void symlinkInsideIsKept() throws Exception {
        Path target = tmp.resolve("t4");
        files(tar("dir/link", null, "ok.txt")).copyOut("id", "c", "/dir", target);
        assertThat(Files.readSymbolicLink(target.resolve("dir/link"))).isEqualTo(Path.of("ok.txt"));
        assertThat(Files.readString(target.resolve("dir/link"))).isEqualTo("ok");
    }
}
