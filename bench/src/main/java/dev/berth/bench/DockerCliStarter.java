package dev.berth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a shell script does: {@code docker run -d -p 127.0.0.1::8080 …}, {@code docker port},
 * poll GET every 5 ms; removal is {@code docker rm -f -v}. Each call pays a CLI process start.
 */
public final class DockerCliStarter implements Starter {
    private final String runId;

    /** @param runId value of the {@link Fixture#LABEL} label on every container created */
    public DockerCliStarter(String runId) {
        this.runId = runId;
    }

    @Override
    public String name() {
        return "docker run CLI";
    }

    @Override
    public Started start() throws IOException, InterruptedException {
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--label", Fixture.LABEL + "=" + runId,
                "-p", "127.0.0.1::" + Fixture.PORT, Fixture.IMAGE));
        run.addAll(Fixture.COMMAND);
        String id = docker(run);
        Handle handle = new Handle(id, "127.0.0.1", -1);
        try {
            String mapping = docker(List.of("docker", "port", id, Fixture.PORT + "/tcp")).lines().findFirst()
                    .orElseThrow(() -> new IllegalStateException("docker port printed nothing for " + id));
            int colon = mapping.lastIndexOf(':');
            String host = mapping.substring(0, colon);
            int port = Integer.parseInt(mapping.substring(colon + 1));
            Fixture.awaitHttp(host, port, Fixture.READY_TIMEOUT);
            return new Handle(id, host, port);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * Runs a docker CLI command.
     *
     * @param command the argv
     * @return its trimmed stdout
     * @throws IOException if it cannot run or exits non-zero (with its output)
     * @throws InterruptedException if interrupted while waiting
     */
    static String docker(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + exit + ": " + out);
        }
        return out;
    }

    private record Handle(String id, String host, int port) implements Started {
        @Override
        public void close() {
            try {
                docker(List.of("docker", "rm", "-f", "-v", id));
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted removing " + id, e);
            }
        }
    }
}
