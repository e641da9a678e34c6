package dev.berth.container;

import dev.berth.Phase;
import dev.berth.PhaseEvent;
import dev.berth.PhaseListener;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times a step and tells the listener, whether the step returned or threw; a failing listener is logged. */
public final class PhaseTimer {
    private static final Logger LOG = LoggerFactory.getLogger(PhaseTimer.class);
    private final PhaseListener listener;
    private final Clock clock;

    /** @param listener told of each timed step */
    public PhaseTimer(PhaseListener listener) {
        this(listener, Clock.systemUTC());
    }

    PhaseTimer(PhaseListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * @param id the container id, or "" before it exists
     * @param name the container name
     * @param image its image
     * @param phase the step
     * @param step the work
     * @param <T> what the work returns
     * @return what the work returned
     */
    public <T> T time(String id, String name, String image, Phase phase, Supplier<T> step) {
        Instant start = clock.instant();
        boolean failed = true;
        try {
            T result = step.get();
            failed = false;
            return result;
        } finally {
            tell(new PhaseEvent(id, name, image, phase, start, clock.instant(), failed));
        }
    }

    /** Like {@link #time(String, String, String, Phase, Supplier)} for work returning nothing. */
    public void run(String id, String name, String image, Phase phase, Runnable step) {
        time(id, name, image, phase, () -> {
            step.run();
            return null;
        });
    }

    private void tell(PhaseEvent event) {
        try {
            listener.phaseEnded(event);
        } catch (RuntimeException e) {
            LOG.warn("A phase listener failed on {}: {}", event.phase(), e.toString());
        }
    }
}
