package dev.berth.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerState;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Maps the engine's inspect answer to a {@link ContainerState}. */
public final class ContainerStates {
    private ContainerStates() {
    }

    /**
     * @param s the engine's inspect answer
     * @return the status in Docker's words: Podman's {@code stopped} (a container that has exited) is
     *     {@code exited}, its {@code configured} (created, never started) is {@code created}
     */
    public static String status(InspectContainerResponse.ContainerState s) {
        String status = s.getStatus();
        if ("stopped".equals(status)) {
            return "exited";
        }
        return "configured".equals(status) ? "created" : status;
    }

    static ContainerState from(InspectContainerResponse.ContainerState s) {
        HealthState health = s.getHealth();
        Instant finished = instant(s.getFinishedAt());
        boolean running = Boolean.TRUE.equals(s.getRunning());
        Long exit = s.getExitCodeLong();
        String status = status(s);
        if (finished == null && !"exited".equals(status) && !"dead".equals(status)) {
            exit = null;
        }
        return new ContainerState(running, status, exit, Boolean.TRUE.equals(s.getOOMKilled()),
                health == null ? null : health.getStatus(), instant(s.getStartedAt()), finished);
    }

    /** @return the instant, or null for Docker's zero time or an unparsable value */
    static Instant instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
