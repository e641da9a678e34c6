package dev.berth;

import java.time.Instant;
import java.util.Objects;

/**
 * One timed {@link Phase} of one container, recorded as it happened.
 *
 * @param containerId the engine id of the container, or empty while it does not exist yet ({@link Phase#IMAGE})
 * @param containerName the container's name (Berth's generated name, or the image for {@link Phase#IMAGE})
 * @param image the image the container runs
 * @param phase which step
 * @param start when the step began
 * @param end when it ended
 * @param failed whether the step threw
 */
public record PhaseEvent(String containerId, String containerName, String image, Phase phase, Instant start,
                         Instant end, boolean failed) {
    /**
     * Checks that nothing is null.
     * @param containerId the engine id of the container, or empty while it does not exist yet ({@link Phase#IMAGE})
     * @param containerName the container's name (Berth's generated name, or the image for {@link Phase#IMAGE})
     * @param image the image the container runs
     * @param phase which step
     * @param start when the step began
     * @param end when it ended
     * @param failed whether the step threw
     */
    public PhaseEvent {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
