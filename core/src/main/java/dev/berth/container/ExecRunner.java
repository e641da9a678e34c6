package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.BerthException;
import dev.berth.ContainerState;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs commands in a running container and collects their exit code, stdout and stderr separately. */
final class ExecRunner {
    private final DockerClient docker;

    ExecRunner(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(String containerId, String containerName, ExecSpec exec, Supplier<ContainerState> state) {
        ContainerState now = state.get();
        if (!now.running()) {
            throw notRunning(containerName, exec, now);
        }
        String execId;
        try (ExecCreateCmd create = docker.execCreateCmd(containerId)) {
            create.withCmd(exec.command().toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true);
            exec.user().ifPresent(create::withUser);
            if (!exec.env().isEmpty()) {
                List<String> env = new ArrayList<>();
                exec.env().forEach((k, v) -> env.add(k + "=" + v));
                create.withEnv(env);
            }
            execId = create.exec().getId();
        } catch (ConflictException e) {
            throw notRunning(containerName, exec, state.get());
        }
        Collector out = new Collector();
        try {
            docker.execStartCmd(execId).exec(out);
            if (!out.awaitCompletion(exec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                out.close();
                throw new BerthException("Command " + exec.command() + " in container " + containerName
                        + " did not finish within " + exec.timeout() + ". Raise it with ExecSpec.withTimeout(…).");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while running " + exec.command() + " in container "
                    + containerName + ".", e);
        } catch (java.io.IOException e) {
            throw new BerthException("Could not close the exec stream of " + containerName, e);
        }
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        ExecResult result = new ExecResult(code == null ? -1 : code, out.text(StreamType.STDOUT),
                out.text(StreamType.STDERR));
        if (runtimeRefused(result)) {
            throw notStarted(containerName, exec, result);
        }
        return result;
    }

    /**
     * The runtime (runc, crun) could not start the command at all — it reports that with exit code 126 or 127 and
     * its own error on the exec's stream, which is no output of the command. A shell's own "not found" (as in
     * {@code sh -c nope}) is the command's output and stays an {@link ExecResult}.
     */
    static boolean runtimeRefused(ExecResult r) {
        return (r.exitCode() == 126 || r.exitCode() == 127) && (r.stdout() + r.stderr()).contains("OCI runtime");
    }

    static BerthException notStarted(String containerName, ExecSpec exec, ExecResult r) {
        String said = (r.stdout() + r.stderr()).strip();
        String lower = said.toLowerCase(java.util.Locale.ROOT);
        String what = lower.contains("not found") || lower.contains("no such file") ? "was not found in the container"
                : "could not be started in the container";
        return new BerthException("Cannot run " + exec.command() + " in container " + containerName + ": the binary \""
                + exec.command().get(0) + "\" " + what + " (exit code " + r.exitCode() + "). Use a binary the image"
                + " has, by absolute path or on its PATH, or run it through a shell: ExecSpec.of(\"sh\", \"-c\", \"…\")."
                + " The runtime said: " + said);
    }

    static BerthException notRunning(String containerName, ExecSpec exec, ContainerState state) {
        return new BerthException("Cannot run " + exec.command() + " in container " + containerName
                + ": it is not running (" + state.summary() + "). Exec needs a running container; check its logs() and"
                + " state().");
    }

    /** Keeps stdout and stderr apart. */
    private static final class Collector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        @Override
        public synchronized void onNext(Frame frame) {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
        }

        synchronized String text(StreamType type) {
            return (type == StreamType.STDERR ? stderr : stdout).toString(StandardCharsets.UTF_8);
        }
    }
}
