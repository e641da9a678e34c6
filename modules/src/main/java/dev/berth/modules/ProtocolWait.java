package dev.berth.modules;

import dev.berth.BerthException;
import dev.berth.ContainerState;
import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.Objects;

/**
 * Readiness through a service's own protocol, spoken from the test JVM to the container's published
 * port (a query, {@code PING}, an AMQP handshake, a Kafka metadata request) — no exec into the container,
 * no log matching. Probes every 100 ms until one succeeds; a probe that throws {@link Rejected} ends the
 * wait at once (the server answered and refused, e.g. wrong credentials). The container must keep
 * running: if it exits, the wait fails at once with its exit code. Stateless; the target is a parameter.
 */
public final class ProtocolWait implements WaitStrategy {
    private static final long INTERVAL_MS = 100;
    private static final long STATE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    /** One readiness probe against a started container. */
    @FunctionalInterface
    public interface Probe {
        /**
         * @param container the started container
         * @throws Rejected if the server answered and refused for good (no point in retrying)
         * @throws Exception if the service does not answer yet (the wait retries)
         */
        void probe(RunningContainer container) throws Exception;
    }

    /** Thrown by a {@link Probe} when the server answered and will keep refusing. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what the server refused and how to fix it
         * @param cause the client's error
         */
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String what;
    private final Probe probe;

    private ProtocolWait(String what, Probe probe) {
        this.what = what;
        this.probe = probe;
    }

    /**
     * @param what what is awaited, for messages, e.g. {@code "PostgreSQL to answer a query"}
     * @param probe succeeds once the service is ready
     * @return the wait strategy
     */
    public static ProtocolWait until(String what, Probe probe) {
        return new ProtocolWait(Objects.requireNonNull(what, "what"), Objects.requireNonNull(probe, "probe"));
    }

    /** @return what is awaited */
    public String what() {
        return what;
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidSpecException("wait timeout", String.valueOf(timeout), "zero or a positive duration",
                    "Duration.ofSeconds(60)");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastStateCheck = 0;
        String lastSeen = null;
        while (true) {
            long now = System.nanoTime();
            if (now - lastStateCheck >= STATE_CHECK_NANOS || lastSeen == null) {
                requireRunning(container);
                lastStateCheck = now;
            }
            try {
                probe.probe(container);
                return;
            } catch (Rejected e) {
                throw new BerthException(e.getMessage() + " (while waiting for " + what + ")", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastSeen = describe(e);
            }
            if (System.nanoTime() >= deadline) {
                requireRunning(container);
                throw new BerthException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + " (last seen: " + lastSeen + "); raise the startup timeout with withStartupTimeout(…)");
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void requireRunning(RunningContainer container) {
        ContainerState state = container.state();
        if (!state.running()) {
            throw new BerthException("the container exited (" + state.summary() + ") while waiting for " + what);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    @Override
    public String toString() {
        return "ProtocolWait[" + what + "]";
    }
}
