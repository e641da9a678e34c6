package dev.berth.container;

import static dev.berth.Fixtures.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import dev.berth.EngineTestSupport;
import dev.berth.RunningContainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy-out never writes, nor leaves a link leading, outside its target: crafted tars through the archive seam, and
 * the link chains of issue 13 built in a real busybox container.
 */
class CopyOutEscapeTest extends EngineTestSupport {
    private static final String REFUSED_TAIL = "; nothing outside it is written and no link leads out of it.";

    @TempDir
    Path tmp;

    /** A crafted archive, entry by entry. */
    static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

        Tar file(String name, String content) {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(content.length());
            return put(e, content);
        }

        Tar symlink(String name, String target) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            return put(e, null);
        }

        Tar hardLink(String name, String target) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            e.setLinkName(target);
            return put(e, null);
        }

        private Tar put(TarArchiveEntry e, String content) {
            try {
                out.putArchiveEntry(e);
                if (content != null) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
                out.closeArchiveEntry();
                return this;
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        ContainerFiles files() {
            try {
                out.close();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            byte[] tar = bytes.toByteArray();
            return new ContainerFiles(new ContainerFiles.Archives() {
                @Override
                public InputStream read(String containerId, String path) {
                    return new ByteArrayInputStream(tar);
                }

                @Override
                public void write(String containerId, InputStream archive) {
                    throw new AssertionError("not used");
                }
            });
        }
    }

    static String refused(String origin, String what, Path target) {
        return "Refused to copy " + origin + ": " + what + ". Nothing was copied to " + target + REFUSED_TAIL;
    }

    /** @return every name directly in {@code dir} */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void entryEscapingWithDotDotIsRejectedAndNothingIsWritten() throws Exception {
        Path target = tmp.resolve("target");
        ContainerFiles files = new Tar().file("dir/ok.txt", "ok").file("../x", "evil").files();
        assertThatThrownBy(() -> files.copyOut("id", "berth-c", "/dir", target))
                .isInstanceOf(BerthException.class)
                .hasMessage(refused("/dir of container berth-c",
                        "archive entry \"../x\" would be written outside " + target, target));
        assertThat(names(tmp)).containsExactly("target");
        assertThat(names(target)).isEmpty();
    }

    @Test
    void nestedDotDotAndAbsoluteNamesAreRejected() throws Exception {
        Path target = tmp.resolve("t2");
        assertThatThrownBy(() -> new Tar().file("dir/../../y", "evil").files().copyOut("id", "c", "/dir", target))
                .hasMessageContaining("archive entry \"dir/../../y\" would be written outside " + target);
        assertThatThrownBy(() -> new Tar().file("/etc/evil", "evil").files().copyOut("id", "c", "/dir", target))
                .hasMessageContaining("would be written outside " + target);
        assertThat(names(tmp)).containsExactly("t2");
    }

    @Test
    void symlinkPointingOutsideIsRejected() throws Exception {
        Path target = tmp.resolve("t3");
        assertThatThrownBy(() -> new Tar().file("dir/ok.txt", "ok").symlink("dir/link", "../../../etc/passwd")
                .files().copyOut("id", "c", "/dir", target))
                .hasMessage(refused("/dir of container c", "symbolic link \"dir/link -> ../../../etc/passwd\" would"
                        + " lead outside the target (or loops)", target));
        assertThat(names(target)).isEmpty();
    }

    @Test
    void symlinkInsideIsKept() throws Exception {
        Path target = tmp.resolve("t4");
        new Tar().file("dir/ok.txt", "ok").symlink("dir/link", "ok.txt").files().copyOut("id", "c", "/dir", target);
        assertThat(Files.readSymbolicLink(target.resolve("dir/link"))).isEqualTo(Path.of("ok.txt"));
        assertThat(Files.readString(target.resolve("dir/link"))).isEqualTo("ok");
    }

    @Test
    void hardLinkThroughALinkChainNeverReadsAHostFile() throws Exception {
        Files.writeString(tmp.resolve("secret"), "host secret");
        Path out = tmp.resolve("out");
        ContainerFiles files = new Tar().symlink("y/a", ".").symlink("y/b", "a/..").symlink("y/c", "b/..")
                .hardLink("y/h", "y/c/secret").files();
        assertThatThrownBy(() -> files.copyOut("id", "c", "/y", out))
                .hasMessage(refused("/y of container c",
                        "hard link \"y/h => y/c/secret\" would go through the symbolic link \"y/c\"", out));
        assertThat(names(tmp)).containsExactly("out", "secret");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void aLinkChainBuiltInAnyOrderIsResolvedOnceComplete() throws Exception {
        Path out = tmp.resolve("out");
        ContainerFiles files = new Tar().symlink("y/c", "b/..").symlink("y/b", "a/..").symlink("y/a", ".").files();
        assertThatThrownBy(() -> files.copyOut("id", "c", "/y", out))
                .hasMessage(refused("/y of container c",
                        "symbolic link \"y/c -> b/..\" would lead outside the target (or loops)", out));
        assertThat(names(out)).isEmpty();
    }

    /** Busybox with the link chain of issue 13: {@code /y/c} leads to the parent of wherever {@code /y} is copied. */
    private RunningContainer chain() {
        RunningContainer c = engine.start(sleeper());
        assertThat(c.exec("sh", "-c", "mkdir -p /y /z/y/c; ln -s . /y/a; ln -s a/.. /y/b; ln -s b/.. /y/c;"
                + " echo x > /z/y/c/pwned; ln -s c/f /y/leak; echo s > /z/y/c/secret; ln /z/y/c/secret /z/y/hl")
                .exitCode()).isZero();
        return c;
    }

    @Test
    void theIssueChainIsRefusedAndTheNextCopyStaysInside() throws Exception {
        Path out = tmp.resolve("out");
        try (RunningContainer c = chain()) {
            assertThatThrownBy(() -> c.copyOut("/y", out))
                    .isInstanceOf(BerthException.class)
                    .hasMessage(refused("/y of container " + c.name(),
                            "symbolic link \"y/c -> b/..\" would lead outside the target (or loops)", out));
            assertThat(names(out)).isEmpty();

            c.copyOut("/z/y", out);
            assertThat(names(tmp)).containsExactly("out");
            assertThat(Files.isDirectory(out.resolve("y/c"), LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(Files.readString(out.resolve("y/c/pwned"))).isEqualTo("x\n");
            assertThat(Files.readString(out.resolve("y/hl"))).isEqualTo("s\n");
            assertThat(Files.isSameFile(out.resolve("y/hl"), out.resolve("y/c/secret"))).isTrue();
        }
    }

    @Test
    void aLinkAlreadyInTheTargetIsNeverWrittenThrough() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("y"));
        Files.createSymbolicLink(out.resolve("y/c"), Path.of("../.."));
        try (RunningContainer c = chain()) {
            assertThatThrownBy(() -> c.copyOut("/z/y", out))
                    .hasMessage(refused("/z/y of container " + c.name(), "archive entry \"y/c\" would be written"
                            + " through the symbolic link " + out.resolve("y/c") + " already in the target", out));
        }
        assertThat(names(tmp)).containsExactly("out");
        assertThat(names(out.resolve("y"))).containsExactly("c");
        assertThat(Files.readSymbolicLink(out.resolve("y/c"))).isEqualTo(Path.of("../.."));
    }

    @Test
    void absoluteLinksAreKeptAsLinksInsideTheTarget() throws Exception {
        Path out = tmp.resolve("out");
        try (RunningContainer c = engine.start(sleeper())) {
            assertThat(c.exec("sh", "-c", "mkdir -p /data/sub; echo v > /data/sub/f; ln -s /data/sub/f /data/abs;"
                    + " ln -s /proc/mounts /data/mounts; ln -s /etc/passwd /etc/pw").exitCode()).isZero();
            c.copyOut("/etc", out);
            c.copyOut("/etc", out);
            c.copyOut("/data", out);
        }
        assertThat(Files.readSymbolicLink(out.resolve("etc/mtab"))).isEqualTo(Path.of("../proc/mounts"));
        assertThat(Files.readSymbolicLink(out.resolve("etc/pw"))).isEqualTo(Path.of("passwd"));
        assertThat(Files.readString(out.resolve("etc/pw"))).startsWith("root:");
        assertThat(Files.readSymbolicLink(out.resolve("data/abs"))).isEqualTo(Path.of("sub/f"));
        assertThat(Files.readString(out.resolve("data/abs"))).isEqualTo("v\n");
        assertThat(Files.readSymbolicLink(out.resolve("data/mounts"))).isEqualTo(Path.of("../proc/mounts"));
        assertThat(Files.exists(out.resolve("data/mounts"))).isFalse();
        assertThat(names(tmp)).containsExactly("out");
        assertThat(names(out)).containsExactly("data", "etc");
    }
}
