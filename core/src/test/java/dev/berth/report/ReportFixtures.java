package dev.berth.report;

import dev.berth.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fixture image names and small helpers shared by the report tests that use the real engine. */
final class ReportFixtures {
    /** Separates the fields of a {@link #dockerHistory} row: the ASCII unit separator. */
    static final String FIELD = "\u001f";
    static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    static final String REDIS = "localhost:5000/berth-fixtures/redis:7";
    static final String POSTGRES = "localhost:5000/berth-fixtures/postgres:15";

    private ReportFixtures() {
    }

    /** @return the rows {@code docker history --no-trunc} prints for the image: id|created by|size|comment */
    static List<String> dockerHistory(String image) throws IOException, InterruptedException {
        // fields separated by FIELD, which a CREATED BY cannot hold ("|1 ARG=… /bin/sh -c" holds a '|')
        Process p = new ProcessBuilder("docker", "history", "--no-trunc", "--format",
                String.join(FIELD, "{{.ID}}", "{{.CreatedBy}}", "{{.Size}}", "{{.Comment}}"), image)
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker history failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * @param engine the engine
     * @param containerId a container
     * @return its current logs
     */
    static String logs(Engine engine, String containerId) {
        return String.join("\n", new DockerLogTail(engine.docker(), java.time.Duration.ofSeconds(5)).last(containerId, 1000));
    }
}
