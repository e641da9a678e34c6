package dev.berth.container;

import dev.berth.PhaseEvent;
import dev.berth.PhaseListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners an engine tells of each timed phase; one failing listener is logged and the others still told. */
public final class PhaseListeners implements PhaseListener {
    private static final Logger LOG = LoggerFactory.getLogger(PhaseListeners.class);
    private final List<PhaseListener> listeners = new CopyOnWriteArrayList<>();

    /** @param listener thread-safe and quick */
    public void add(PhaseListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void phaseEnded(PhaseEvent event) {
        for (PhaseListener l : listeners) {
            try {
                l.phaseEnded(event);
            } catch (RuntimeException e) {
                LOG.warn("A phase listener failed on {}: {}", event.phase(), e.toString());
            }
        }
    }
}
