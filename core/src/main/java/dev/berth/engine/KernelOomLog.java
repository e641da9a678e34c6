package dev.berth.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host kernel's own record of an OOM kill, for a local engine that does not report it: Podman 4.3 on cgroup v1
 * leaves {@code State.OOMKilled} false although its conmon receives the kernel's OOM event, and Docker 20.10 sets it
 * only when its OOM event is handled before the exit (a loaded machine loses that race). The kernel logs each kill
 * with the cgroup it was charged to ({@code oom-kill:…,oom_memcg=/libpod_parent/libpod-<id>,…}, {@code /docker/<id>},
 * {@code docker-<id>.scope}); that line, naming the container's full id as its cgroup, is the evidence. Read with {@code dmesg}, which needs root or
 * {@code kernel.dmesg_restrict=0}; without it there is no evidence and nothing is claimed.
 */
public final class KernelOomLog {
    private static final long TIMEOUT_MILLIS = 2000;

    private final List<String> command;

    /** Reads the log with {@code dmesg}. */
    public KernelOomLog() {
        this(List.of("dmesg"));
    }

    /**
     * Reads the log with another command (a test's stand-in for {@code dmesg}).
     *
     * @param command the command and its arguments; its standard output is the log, read only when it exits 0
     */
    public KernelOomLog(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * @param containerId the container's full id
     * @return true if the kernel log records an OOM kill charged to the container's cgroup
     */
    public boolean killed(String containerId) {
        return verdict(containerId).orElse(false);
    }

    /**
     * @param containerId the container's full id
     * @return whether the kernel log records an OOM kill charged to the container's cgroup; empty when the log
     *     could not be read (no {@code dmesg}, access denied, a non-zero exit or no answer within 2 s), so that a
     *     caller keeping verdicts can ask again later
     */
    public Optional<Boolean> verdict(String containerId) {
        return read().map(log -> log.lines().anyMatch(l -> l.contains("oom-kill:")
                && (l.contains("oom_memcg=") || l.contains("task_memcg="))
                && (l.contains("libpod-" + containerId) || l.contains("/docker/" + containerId)
                        || l.contains("docker-" + containerId + ".scope"))));
    }

    private Optional<String> read() {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
