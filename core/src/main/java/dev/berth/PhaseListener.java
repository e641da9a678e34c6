package dev.berth;

/**
 * Told of every container {@link Phase} an {@link Engine} completes, on the thread that did the work.
 * Implementations must be thread-safe and quick (record, do not compute); an exception thrown here is
 * logged and otherwise ignored. Register one with {@link Engine#addPhaseListener(PhaseListener)}.
 */
@FunctionalInterface
public interface PhaseListener {
    /** @param event the phase that just ended */
    void phaseEnded(PhaseEvent event);
}
