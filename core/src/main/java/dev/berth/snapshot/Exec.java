package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.berth.BerthException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command in a running container and collects its exit code and output. */
final class Exec {
    private static final long TIMEOUT_SECONDS = 120;

    /** @param exitCode the exit code, -1 if it did not finish in time; @param output stdout and stderr */
    record Result(long exitCode, String output) { }

    private Exec() {
    }

    static Result run(DockerClient docker, String containerId, List<String> command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder output = new StringBuilder();
        try {
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    synchronized (output) {
                        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }).awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while running " + command + " in container " + containerId, e);
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        synchronized (output) {
            return new Result(exit == null ? -1 : exit, output.toString());
        }
    }
}
