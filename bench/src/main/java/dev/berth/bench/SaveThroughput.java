package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Scenario 5: saving a 200 MB image to a tar: {@code docker save -o} (the baseline) vs Berth's
 * {@code engine.save} in a JVM limited to {@code -Xmx64m} (timed inside that JVM: the save call only).
 */
final class SaveThroughput implements AutoCloseable {
    static final int MEGABYTES = 200;
    private final DockerClient docker;
    private final String image;
    private final Path dir;

    SaveThroughput(String runId) throws Exception {
        docker = RawClients.local();
        image = "berth-bench/big:" + runId;
        String dockerfile = "FROM " + Fixture.IMAGE + "\nRUN dd if=/dev/urandom of=/random.bin bs=1M count="
                + MEGABYTES + "\n";
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            byte[] text = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
            e.setSize(text.length);
            tar.putArchiveEntry(e);
            tar.write(text);
            tar.closeArchiveEntry();
        }
        docker.buildImageCmd(new ByteArrayInputStream(context.toByteArray())).withTags(Set.of(image))
                .withLabels(Map.of(Fixture.LABEL, runId)).withForcerm(true)
                .exec(new BuildImageResultCallback()).awaitImageId(10, TimeUnit.MINUTES);
        dir = Files.createTempDirectory("berth-bench-save");
    }

    List<Variant> variants() {
        return List.of(new Variant() {
            @Override
            public String name() {
                return "docker save CLI";
            }

            @Override
            public long measure() throws Exception {
                Path out = dir.resolve("cli.tar");
                long t0 = System.nanoTime();
                DockerCliStarter.docker(List.of("docker", "save", "-o", out.toString(), image));
                long t = System.nanoTime() - t0;
                Files.delete(out);
                return t;
            }
        }, new Variant() {
            @Override
            public String name() {
                return "Berth save, -Xmx64m";
            }

            @Override
            public long measure() throws Exception {
                Path out = dir.resolve("berth.tar");
                String text = ChildJvm.run(List.of("-Xmx64m", "-Dberth.sweep=false"), SaveThroughput.class, List.of(out.toString(), image),
                        Duration.ofMinutes(10)).output();
                Files.delete(out);
                return Long.parseLong(text.lines().filter(l -> l.startsWith("SAVE_NANOS ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no SAVE_NANOS line in:\n" + text)).substring(11));
            }
        });
    }

    /**
     * Child side: saves one image and prints how long the save call took.
     *
     * @param args archive path and image
     */
    public static void main(String[] args) {
        try (Engine engine = Berth.connect()) {
            long t0 = System.nanoTime();
            engine.save(Path.of(args[0]), ImageRef.parse(args[1]));
            System.out.println("SAVE_NANOS " + (System.nanoTime() - t0));
        }
        System.exit(0);
    }

    @Override
    public void close() throws Exception {
        try {
            docker.removeImageCmd(image).withForce(true).exec();
            Files.deleteIfExists(dir);
        } finally {
            docker.close();
        }
    }
}
