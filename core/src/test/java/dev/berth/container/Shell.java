package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Test-only stand-in for the exec/logs/state API RunningContainer will get: runs shell commands in containers
 * through docker-java directly. Swap for the real API once it lands.
 */
final class Shell {
    static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";

    private Shell() {
    }

    /** @return busybox idling, ready for {@link #exec} */
    static ContainerSpec idle() {
        return ContainerSpec.of(BUSYBOX).withCommand("sleep", "3600");
    }

    /** What a command printed and how it ended. */
    record Result(long exitCode, String stdout, String stderr) {
        String out() {
            return stdout.trim();
        }
    }

    /**
     * @param engine the engine that started the container
     * @param container a running container
     * @param script a {@code sh -c} script
     * @return its exit code and output
     */
    static Result exec(Engine engine, RunningContainer container, String script) {
        DockerClient docker = engine.docker();
        String exec = docker.execCreateCmd(container.id()).withCmd("sh", "-c", script)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        Collector out = new Collector();
        try {
            docker.execStartCmd(exec).exec(out).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Result(code == null ? -1 : code, out.stdout.toString(), out.stderr.toString());
    }

    /**
     * Starts a {@code sh -c} script in the container and returns without waiting for it.
     */
    static void execDetached(Engine engine, RunningContainer container, String script) {
        DockerClient docker = engine.docker();
        String exec = docker.execCreateCmd(container.id()).withCmd("sh", "-c", script).exec().getId();
        try {
            docker.execStartCmd(exec).withDetach(true).exec(new Collector()).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for a started container's main process to end.
     *
     * @return its state, output and exit code
     */
    static Exited awaitExit(Engine engine, RunningContainer container) {
        DockerClient docker = engine.docker();
        docker.waitContainerCmd(container.id()).exec(new WaitContainerResultCallback())
                .awaitStatusCode(120, TimeUnit.SECONDS);
        Collector logs = new Collector();
        try {
            docker.logContainerCmd(container.id()).withStdOut(true).withStdErr(true).exec(logs)
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container.id()).exec().getState();
        return new Exited(state, new Result(state.getExitCodeLong(), logs.stdout.toString(), logs.stderr.toString()));
    }

    /** A container that ended: its engine state and what it printed. */
    record Exited(InspectContainerResponse.ContainerState state, Result result) { }

    /** @return everything the container's main process printed so far, stdout and stderr */
    static String logs(Engine engine, RunningContainer container) {
        Collector logs = new Collector();
        try {
            engine.docker().logContainerCmd(container.id()).withStdOut(true).withStdErr(true).exec(logs)
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return logs.stdout + logs.stderr.toString();
    }

    /** Reads a cgroup file, the v1 path first, then the v2 one. */
    static String cgroup(Engine engine, RunningContainer c, String v1, String v2) {
        return exec(engine, c, "cat /sys/fs/cgroup/" + v1 + " 2>/dev/null || cat /sys/fs/cgroup/" + v2).out();
    }

    private static final class Collector extends ResultCallback.Adapter<Frame> {
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(text);
        }
    }
}
