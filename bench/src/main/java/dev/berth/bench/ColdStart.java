package dev.berth.bench;

import java.time.Duration;
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
            return ChildJvm.run(List.of(), ColdStart.class, List.of(technology, runId), Duration.ofMinutes(5)).nanos();
        }
    }
}
