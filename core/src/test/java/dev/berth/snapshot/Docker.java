package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Test-side helpers over docker-java (until RunningContainer grows exec). */
final class Docker {
    static final String REGISTRY = "localhost:5000";
    static final String BUSYBOX = REGISTRY + "/berth-fixtures/busybox:1";
    static final String POSTGRES = REGISTRY + "/berth-fixtures/postgres:15";

    private Docker() {
    }

    /** Runs a command in a running container; returns stdout+stderr, fails on a non-zero exit. */
    static String exec(DockerClient docker, String containerId, String... command) throws InterruptedException {
        String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        }).awaitCompletion(60, TimeUnit.SECONDS);
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new AssertionError("exec " + String.join(" ", command) + " exited " + exit + ": " + out);
        }
        synchronized (out) {
            return out.toString();
        }
    }

    static boolean imageExists(DockerClient docker, String ref) {
        try {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static void removeImageQuietly(DockerClient docker, String ref) {
        try {
            docker.removeImageCmd(ref).withForce(true).exec();
        } catch (NotFoundException ignored) {
            // already gone
        }
    }
}
