package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy-in streams its tar: a 200 MB file reaches the container from a JVM whose whole heap is 64 MB (building the
 * archive in memory, as before, needs more than 200 MB of heap and fails with an OutOfMemoryError).
 */
class LargeCopyInTest {
    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void a200MegabyteFileIsCopiedInUnderA64MegabyteHeap(@TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE);
            f.seek(SIZE - 5);
            f.write("last\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dberth.sweep=false", "-cp", System.getProperty("java.class.path"), LargeCopyIn.class.getName(),
                big.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("MAXHEAP ").contains("SIZE " + SIZE).doesNotContain("OutOfMemoryError");
        long maxHeap = Long.parseLong(output.replaceAll("(?s).*MAXHEAP (\\d+).*", "$1"));
        assertThat(maxHeap).isLessThanOrEqualTo(64L * 1024 * 1024);
    }
}
