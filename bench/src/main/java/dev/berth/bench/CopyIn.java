package dev.berth.bench;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ExecSpec;
import dev.berth.RunningContainer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Scenario "copy-in": a 200 MB host file copied into a running busybox container. {@code docker cp} (the
 * baseline, into a container this scenario started) vs Berth's {@code copyIn(path, target)} and Testcontainers'
 * {@code copyFileToContainer}, each in a fresh JVM limited to {@code -Xmx64m} that starts its own container off
 * the clock and times the copy call only. Every variant checks the copied size inside the container, off the clock.
 */
final class CopyIn implements AutoCloseable {
    static final int MEGABYTES = 200;
    static final String TARGET = "/tmp/big.bin";
    private static final List<String> SLEEPER = List.of("sleep", "3600");
    private final String runId;
    private final Path dir;
    private final Path file;
    private final String cliContainer;

    CopyIn(String runId) throws IOException, InterruptedException {
        this.runId = runId;
        dir = Files.createTempDirectory("berth-bench-copyin");
        file = dir.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < MEGABYTES; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        List<String> run = new java.util.ArrayList<>(List.of("docker", "run", "-d", "--label",
                Fixture.LABEL + "=" + runId, Fixture.IMAGE));
        run.addAll(SLEEPER);
        cliContainer = DockerCliStarter.docker(run);
    }

    List<Variant> variants() {
        return List.of(new Variant() {
            @Override
            public String name() {
                return "docker cp CLI";
            }

            @Override
            public long measure() throws Exception {
                long t0 = System.nanoTime();
                DockerCliStarter.docker(List.of("docker", "cp", file.toString(), cliContainer + ":" + TARGET));
                long t = System.nanoTime() - t0;
                requireSize(DockerCliStarter.docker(List.of("docker", "exec", cliContainer, "stat", "-c", "%s", TARGET)));
                DockerCliStarter.docker(List.of("docker", "exec", cliContainer, "rm", TARGET));
                return t;
            }
        }, child("Berth copyIn, -Xmx64m", "berth"), child("Testcontainers copyFileToContainer, -Xmx64m",
                "testcontainers"));
    }

    private Variant child(String name, String technology) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long measure() throws Exception {
                // no background sweep of dead sessions overlapping the timed call (scenario 3 measures connect)
                String text = ChildJvm.run(List.of("-Xmx64m", "-Dberth.sweep=false"), CopyIn.class,
                        List.of(technology, file.toString(), runId), Duration.ofMinutes(10)).output();
                return Long.parseLong(text.lines().filter(l -> l.startsWith("COPY_NANOS ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no COPY_NANOS line in:\n" + text)).substring(11));
            }
        };
    }

    private static void requireSize(String statOutput) {
        long expected = (long) MEGABYTES << 20;
        if (Long.parseLong(statOutput.trim()) != expected) {
            throw new IllegalStateException("copied " + statOutput.trim() + " bytes, expected " + expected);
        }
    }

    /**
     * Child side: starts a sleeping busybox container (off the clock), copies the file in, prints how long the copy
     * call took, checks the size inside, removes the container.
     *
     * @param args {@code berth|testcontainers}, the host file, the run id (label of a Testcontainers container)
     * @throws Exception when the copy fails; the parent shows the output
     */
    public static void main(String[] args) {
        try {
            copy(args);
        } catch (Throwable e) {
            // an OutOfMemoryError included: the parent shows this output as the variant's failure
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void copy(String[] args) throws Exception {
        Path host = Path.of(args[1]);
        if (args[0].equals("berth")) {
            try (Engine engine = Berth.connect();
                 RunningContainer c = engine.start(ContainerSpec.of(Fixture.IMAGE).withCommand(SLEEPER.toArray(String[]::new)))) {
                long t0 = System.nanoTime();
                c.copyIn(host, TARGET);
                System.out.println("COPY_NANOS " + (System.nanoTime() - t0));
                requireSize(c.exec(ExecSpec.of("stat", "-c", "%s", TARGET)).stdout());
            }
        } else {
            TestcontainersStarter.requireEnvironment();
            try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(Fixture.IMAGE))
                    .withImagePullPolicy(image -> false).withLabel(Fixture.LABEL, args[2])
                    .withCommand(SLEEPER.toArray(String[]::new))) {
                c.start();
                long t0 = System.nanoTime();
                c.copyFileToContainer(MountableFile.forHostPath(host), TARGET);
                System.out.println("COPY_NANOS " + (System.nanoTime() - t0));
                requireSize(c.execInContainer("stat", "-c", "%s", TARGET).getStdout());
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            DockerCliStarter.docker(List.of("docker", "rm", "-f", "-v", cliContainer));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
