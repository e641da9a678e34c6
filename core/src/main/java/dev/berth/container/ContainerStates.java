package dev.berth.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerState;
import dev.berth.engine.ContainerStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.format.DateTimeParseException;

/** Maps the engine's inspect answer to a {@link ContainerState}. */
public final class ContainerStates {
    private ContainerStates() {
    }

    static ContainerState from(InspectContainerResponse.ContainerState s) {
        HealthState health = s.getHealth();
        Instant finished = instant(s.getFinishedAt());
        boolean running = Boolean.TRUE.equals(s.getRunning());
        Long exit = s.getExitCodeLong();
        String status = ContainerStatus.of(s);
        if (finished == null && !"exited".equals(status) && !"dead".equals(status)) {
            exit = null;
        }
        return new ContainerState(running, status,
                exit == null ? OptionalLong.empty() : OptionalLong.of(exit), Boolean.TRUE.equals(s.getOOMKilled()),
                Optional.ofNullable(health == null ? null : health.getStatus()),
                Optional.ofNullable(instant(s.getStartedAt())), Optional.ofNullable(finished));
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
