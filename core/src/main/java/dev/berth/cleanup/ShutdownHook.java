package dev.berth.cleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook owned by one engine (never static state): registered when the engine opens,
 * deregistered when it closes, run on a normal exit, SIGTERM or Ctrl-C (not on SIGKILL — the
 * {@link Sweeper} of the next run covers that).
 */
final class ShutdownHook {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    /**
     * @param name the thread name
     * @param action what to run at shutdown; its failures are logged
     * @return the registered hook
     */
    public static ShutdownHook register(String name, Runnable action) {
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("Berth shutdown hook {} could not remove everything: {}", name, e.getMessage());
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(t);
        return new ShutdownHook(t);
    }

    /** @return the hook's thread (for tests) */
    Thread thread() {
        return thread;
    }

    /** Deregisters the hook; harmless when the JVM is already shutting down or it ran already. */
    public void deregister() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run; nothing to undo
        }
    }
}
