package dev.berth.snapshot;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.session.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving an image of more than 200 MB works in a JVM limited to a 64 MiB heap: the archive is streamed. */
class LargeImageSaveTest {
    private static final long MIB = 1024 * 1024;
    private static Engine engine;
    private static ImageRef big;

    @BeforeAll
    static void buildA200MegabyteImage() throws Exception {
        engine = Berth.connect();
        String dockerfile = "FROM " + Docker.BUSYBOX + "\nRUN dd if=/dev/urandom of=/random.bin bs=1M count=210\n";
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            byte[] text = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
            e.setSize(text.length);
            tar.putArchiveEntry(e);
            tar.write(text);
            tar.closeArchiveEntry();
        }
        big = ImageRef.parse("berth-test/big-random:" + Internals.ledger(engine).id().substring(0, 8));
        String id = engine.docker().buildImageCmd(new ByteArrayInputStream(context.toByteArray()))
                .withLabels(Internals.ledger(engine).labels()).withTags(java.util.Set.of(big.toString())).withForcerm(true)
                .exec(new BuildImageResultCallback()).awaitImageId(10, TimeUnit.MINUTES);
        Internals.ledger(engine).record(Session.Kind.IMAGE, id, big.toString());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void savingToTarAndTarGzUnderXmx64mStreams(@TempDir Path dir) throws Exception {
        for (String name : List.of("big.tar", "big.tar.gz")) {
            Path archive = dir.resolve(name);
            String out = runWithSmallHeap(archive);
            assertThat(out).contains("max heap");
            assertThat(Files.size(archive)).isGreaterThan(200 * MIB);
            System.out.println(name + ": " + out.strip());
        }
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("big.tar", "big.tar.gz");
    }

    private static String runWithSmallHeap(Path archive) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SaveMain.class.getName());
        command.add(archive.toString());
        command.add(big.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("child JVM output:%n%s", out).isZero();
        return out;
    }
}
