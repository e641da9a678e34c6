package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.http.WritableBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy-in archive streams: what it holds when read back, and a host file gone while it streams. */
class TarArchivesTest {

    @Test
    void theStreamedArchiveHoldsEveryEntryWithItsModeAndContent(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(dir.resolve("a.txt"), "from the host");
        InputStream stream = new TarArchives.Builder().file("etc/motd", "hello".getBytes(StandardCharsets.UTF_8), 0600)
                .tree(dir, "etc/app").stream();
        assertThat(entries(stream)).containsExactly(Map.entry("etc/motd 600", "hello"),
                Map.entry("etc/app/ " + Integer.toOctalString(TarArchives.modeOf(dir)), ""),
                Map.entry("etc/app/a.txt " + Integer.toOctalString(TarArchives.modeOf(dir.resolve("a.txt"))),
                        "from the host"));
    }

    @Test
    void writtenIntoATransportTheArchiveIsTheOneReadThroughThePipe(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024 + 17]);
        Files.writeString(dir.resolve("a.txt"), "from the host");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ((WritableBody) new TarArchives.Builder().tree(dir, "etc/app").stream()).writeTo(written);
        Map<String, String> read;
        try (InputStream in = new TarArchives.Builder().tree(dir, "etc/app").stream()) {
            read = entries(in);
        }
        assertThat(entries(new ByteArrayInputStream(written.toByteArray()))).hasSize(3).isEqualTo(read);
    }

    /** @return each entry's name and mode, with its content (empty for a directory) */
    private static Map<String, String> entries(InputStream stream) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.put(e.getName() + " " + Integer.toOctalString(e.getMode() & 07777),
                        e.isDirectory() ? "" : new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }

    @Test
    void aHostFileGoneBeforeItIsWrittenIsASourceFailureNotAnEngineOne(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("gone.txt"), "soon gone");
        TarArchives.Builder tar = new TarArchives.Builder().file("gone.txt", file, 0644);
        Files.delete(file);
        WritableBody body = (WritableBody) tar.stream();
        assertThatThrownBy(() -> body.writeTo(new ByteArrayOutputStream())).isInstanceOf(WritableBody.SourceFailure.class)
                .hasMessageStartingWith("Cannot write the archive to copy in: ").hasMessageContaining("gone.txt");

        WritableBody refused = (WritableBody) new TarArchives.Builder().file("a", new byte[10], 0644).stream();
        assertThatThrownBy(() -> refused.writeTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        })).isInstanceOf(IOException.class).isNotInstanceOf(WritableBody.SourceFailure.class).hasMessage("Broken pipe");
    }

    @Test
    void aHostFileGoneBeforeItStreamsFailsTheReadWithTheCause(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("gone.txt"), "soon gone");
        TarArchives.Builder tar = new TarArchives.Builder().file("gone.txt", file, 0644);
        Files.delete(file);
        try (InputStream in = tar.stream()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot write the archive to copy in: ")
                    .hasMessageContaining("gone.txt");
        }
    }
}
