package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Loads an archive (.tar or .tar.gz) with docker-java's loadImageAsyncCmd; throws on an engine error. */
    static void load(DockerClient docker, Path archive) throws Exception {
        try (InputStream file = Files.newInputStream(archive);
             InputStream in = archive.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(file) : file) {
            java.util.List<String> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            docker.loadImageAsyncCmd(in).exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.LoadResponseItem>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.LoadResponseItem item) {
                    if (item.isErrorIndicated()) {
                        errors.add(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : "load failed");
                    }
                }
            }).awaitCompletion();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("load of " + archive + " failed: " + errors);
            }
        }
    }
}
