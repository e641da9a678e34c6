package dev.berth.snapshot;

import dev.berth.Snapshot;
import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncated copy of a saved snapshot, or a tar that is no image archive, is refused by
 * {@code engine.images().load} with a clear error and leaves no image behind.
 */
class BadArchiveLoadTest {
    @Test
    void truncatedSnapshotArchiveLoadsNothing(@TempDir Path dir) throws Exception {
        try (Engine engine = Berth.connect();
             RunningContainer c = engine.start(ContainerSpec.of(Docker.BUSYBOX).withName("trunc")
                     .withCommand("sh", "-c", "echo x > /marker && exec sleep 3600"))) {
            Snapshot snapshot = engine.snapshot(c);
            Path archive = dir.resolve("snapshot.tar");
            long size = engine.save(archive, snapshot.image()).bytes();
            snapshot.close();
            assertThat(Docker.imageExists(engine.docker(), snapshot.imageId())).isFalse();

            Path truncated = dir.resolve("truncated.tar");
            try (InputStream in = Files.newInputStream(archive); OutputStream out = Files.newOutputStream(truncated)) {
                out.write(in.readNBytes((int) (size - 4096)));
            }
            assertThatThrownBy(() -> engine.images().load(truncated)).isInstanceOf(BerthException.class)
                    .hasMessageStartingWith("Cannot load images from " + truncated + ": the engine rejected it: ")
                    .hasMessageEndingWith(". Pass an archive written by docker save.");
            assertThat(Docker.imageExists(engine.docker(), snapshot.imageId())).isFalse();
            assertThat(Docker.imageExists(engine.docker(), snapshot.image().toString())).isFalse();
        }
    }

    @Test
    void tarWithoutManifestIsRefused(@TempDir Path dir) throws Exception {
        Path notAnImage = dir.resolve("notes.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(notAnImage))) {
            byte[] text = "just notes".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("notes.txt");
            e.setSize(text.length);
            tar.putArchiveEntry(e);
            tar.write(text);
            tar.closeArchiveEntry();
        }
        try (Engine engine = Berth.connect()) {
            assertThatThrownBy(() -> engine.images().load(notAnImage)).isInstanceOf(BerthException.class)
                    .hasMessageStartingWith("Cannot load images from " + notAnImage + ": the engine rejected it: ")
                    .hasMessageEndingWith(". Pass an archive written by docker save.");
            assertThat(Internals.ledger(engine).heldNewestFirst()).isEmpty();
        }
    }
}
