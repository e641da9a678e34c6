package dev.berth.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;

/** A container's status word in Docker's terms, whatever engine answered. */
public final class ContainerStatus {
    private ContainerStatus() {
    }

    /**
     * @param s the engine's inspect answer
     * @return the status in Docker's words: Podman's {@code stopped} (a container that has exited) is
     *     {@code exited}, its {@code configured} (created, never started) is {@code created}
     */
    public static String of(InspectContainerResponse.ContainerState s) {
        String status = s.getStatus();
        if ("stopped".equals(status)) {
            return "exited";
        }
        return "configured".equals(status) ? "created" : status;
    }
}
