package dev.berth.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerState;
import dev.berth.engine.ContainerStatus;
import dev.berth.engine.KernelOomLog;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps the engine's inspect answer to a {@link ContainerState}. One per engine connection; thread-safe. An exit's
 * kernel-log verdict is kept (for the last {@value #REMEMBERED} exits asked about), so a state() polled on an exited
 * container reads the kernel log once, not on every call. A log that could not be read (no {@code dmesg}, denied,
 * timed out) gives no verdict to keep: the next state() asks again.
 */
public final class ContainerStates {
    static final int REMEMBERED = 256;

    private final KernelOomLog kernelLog;
    /** The kernel log's verdict on each exit: a container's id and when it finished (a restart exits anew). */
    private final Map<String, Boolean> verdicts = Collections.synchronizedMap(new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param kernelLog the host kernel's record of OOM kills, read for a local engine's SIGKILLed containers */
    ContainerStates(KernelOomLog kernelLog) {
        this.kernelLog = Objects.requireNonNull(kernelLog, "kernelLog");
    }

    /**
     * @param s the engine's state of the container
     * @param id the container's full id
     * @param local the engine runs on this host, whose kernel log is then the container's
     * @return the state; a container killed by SIGKILL (exit 137) that the engine does not call OOM-killed is
     *     OOM-killed when the kernel log records the kill in its cgroup (Podman 4.3 on cgroup v1 never sets
     *     {@code OOMKilled}; Docker 20.10 misses it when the container exits before its OOM event is handled)
     */
    ContainerState of(InspectContainerResponse.ContainerState s, String id, boolean local) {
        ContainerState state = from(s);
        if (!local || state.oomKilled() || state.exitCode().orElse(0) != 137 || !killed(id, state)) {
            return state;
        }
        return new ContainerState(state.running(), state.status(), state.exitCode(), true, state.health(),
                state.startedAt(), state.finishedAt());
    }

    private boolean killed(String id, ContainerState exited) {
        String exit = id + "@" + exited.finishedAt().map(Instant::toString).orElse("");
        Boolean known = verdicts.get(exit);
        if (known != null) {
            return known;
        }
        Optional<Boolean> read = kernelLog.verdict(id); // outside the lock: the read may take up to its timeout
        read.ifPresent(v -> verdicts.put(exit, v)); // a log that could not be read is asked again next time
        return read.orElse(false);
    }

    static ContainerState from(InspectContainerResponse.ContainerState s) {
        Instant finished = instant(s.getFinishedAt());
        boolean running = Boolean.TRUE.equals(s.getRunning());
        Long exit = s.getExitCodeLong();
        String status = ContainerStatus.of(s);
        if (finished == null && !"exited".equals(status) && !"dead".equals(status)) {
            exit = null;
        }
        return new ContainerState(running, status,
                exit == null ? OptionalLong.empty() : OptionalLong.of(exit), Boolean.TRUE.equals(s.getOOMKilled()),
                ContainerStatus.health(s).map(HealthState::getStatus),
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
