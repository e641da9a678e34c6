package dev.berth.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 3: a fresh JVM that connects, starts one ready container, removes it and exits. Run as
 * {@code java -cp … dev.berth.bench.ColdStart raw|berth|testcontainers RUN_ID}; {@link Launch} is
 * the variant the parent runs.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * @param args technology and run id
     * @throws Exception when the container does not start; the exit status is then non-zero
     */
    public static void main(String[] args) throws Exception {
        String runId = args[1];
        long mainAt = System.currentTimeMillis();
        try (Starter starter = switch (args[0]) {
            case "raw" -> new RawDockerStarter(runId);
            case "berth" -> new BerthStarter();
            case "testcontainers" -> new TestcontainersStarter(runId);
            default -> throw new IllegalArgumentException("unknown technology " + args[0]);
        }) {
            long connectedAt = System.currentTimeMillis();
            try (Starter.Started c = starter.start()) {
                long readyAt = System.currentTimeMillis();
                long jvmAt = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(mainAt);
                System.out.printf("ready on %s:%d; ms since process start: main %d, connected %d, ready %d%n",
                        c.host(), c.port(), mainAt - jvmAt, connectedAt - jvmAt, readyAt - jvmAt);
            }
        }
        System.exit(0);
    }

    /** The classpath children run with: the test classpath under surefire, else this JVM's. */
    static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * Parent side: launches the child JVM and times it from launch to exit.
     *
     * @param technology the child's first argument
     * @param name the table name
     * @param runId the run's label value
     */
    record Launch(String technology, String name, String runId) implements Variant {
        @Override
        public long measure() throws Exception {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath(), ColdStart.class.getName(), technology, runId));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            for (String kv : TestcontainersStarter.REQUIRED_ENV) {
                String[] p = kv.split("=", 2);
                pb.environment().put(p[0], p[1]);
            }
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            long t = System.nanoTime() - t0;
            if (exit != 0) {
                throw new IllegalStateException("child JVM '" + technology + "' exited " + exit + ":\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return t;
        }
    }
}
