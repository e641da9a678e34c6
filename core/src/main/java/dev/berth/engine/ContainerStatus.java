package dev.berth.engine;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.Optional;

/** A container's status word and health in Docker's terms, whatever engine answered. */
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

    /**
     * @param s the engine's inspect answer
     * @return the container's health check state, empty when it has no health check: Docker then leaves
     *     {@code Health} out, Podman 4.3 reports {@code {"Status":""}}
     */
    public static Optional<HealthState> health(InspectContainerResponse.ContainerState s) {
        HealthState health = s.getHealth();
        if (health == null || health.getStatus() == null || health.getStatus().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(health);
    }
}
