package dev.berth.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerState;
import dev.berth.engine.ContainerStatus;
import dev.berth.engine.KernelOomLog;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.format.DateTimeParseException;

/** Maps the engine's inspect answer to a {@link ContainerState}. */
public final class ContainerStates {
    private ContainerStates() {
    }

    private static final KernelOomLog KERNEL_LOG = new KernelOomLog();

    /**
     * @param s the engine's state of the container
     * @param id the container's full id
     * @param local the engine runs on this host, whose kernel log is then the container's
     * @return the state; a container killed by SIGKILL (exit 137) that the engine does not call OOM-killed is
     *     OOM-killed when the kernel log records the kill in its cgroup (Podman 4.3 on cgroup v1 never sets
     *     {@code OOMKilled}; Docker 20.10 misses it when the container exits before its OOM event is handled)
     */
    static ContainerState from(InspectContainerResponse.ContainerState s, String id, boolean local) {
        ContainerState state = from(s);
        if (!local || state.oomKilled() || state.exitCode().orElse(0) != 137 || !KERNEL_LOG.killed(id)) {
            return state;
        }
        return new ContainerState(state.running(), state.status(), state.exitCode(), true, state.health(),
                state.startedAt(), state.finishedAt());
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
