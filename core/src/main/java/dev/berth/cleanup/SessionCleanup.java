package dev.berth.cleanup;

import com.github.dockerjava.api.DockerClient;
import dev.berth.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an engine does to leave nothing behind: sweeps dead sessions' leftovers when it opens,
 * removes resources in the background on request, registers a shutdown hook for its session, and
 * tears the session down in order when it closes. One per engine; thread-safe.
 */
public final class SessionCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCleanup.class);
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(5);
    private static final Duration HOOK_WAIT = Duration.ofSeconds(20);

    private final Session session;
    private final SessionTeardown teardown;
    private final BackgroundRemovals background;
    private final ShutdownHook hook;
    private final CompletableFuture<Sweeper.Result> sweep;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    private SessionCleanup(DockerClient docker, Session session, CompletableFuture<Sweeper.Result> sweep) {
        this.session = session;
        this.teardown = new SessionTeardown(docker, session);
        this.sweep = sweep;
        this.background = new BackgroundRemovals(shortId(session), 2);
        this.hook = ShutdownHook.register("berth-shutdown-" + shortId(session), this::onShutdown);
    }

    /**
     * Starts the sweep of dead sessions' leftovers on a daemon thread (unless the settings turn it off), so
     * that it is off the path to the first container, then registers the session's shutdown hook. The sweep
     * never touches this session (nor any live one); {@link #close()} and the hook await it, and
     * {@link #awaitSweep()} lets a start that needs a fixed host port wait for it.
     *
     * @param docker the engine client
     * @param localEngine whether the engine runs on this machine
     * @param session the new session
     * @param settings sweep settings
     * @return the cleanup of this session
     */
    public static SessionCleanup open(DockerClient docker, boolean localEngine, Session session, SweepSettings settings) {
        CompletableFuture<Sweeper.Result> sweep = new CompletableFuture<>();
        if (settings.enabled()) {
            SweepPolicy policy = SweepPolicy.forThisJvm(SweepPolicy.Mode.DEAD, settings.maxAge(), localEngine, session.id());
            Thread t = new Thread(() -> sweep.complete(sweepOnce(docker, policy)), "berth-sweep-" + shortId(session));
            t.setDaemon(true);
            t.start();
        } else {
            sweep.complete(null);
        }
        return new SessionCleanup(docker, session, sweep);
    }

    private static Sweeper.Result sweepOnce(DockerClient docker, SweepPolicy policy) {
        try {
            Sweeper.Result r = new Sweeper(docker, policy).sweep();
            log(r);
            return r;
        } catch (RuntimeException e) {
            LOG.warn("Berth: sweeping leftovers of dead sessions failed; this run continues. Cause: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Waits for the sweep started by {@link #open} (at most 5 minutes; a sweep that takes longer is logged and
     * left to finish on its own).
     *
     * @return what it removed, or empty when it was off or failed
     */
    public Optional<Sweeper.Result> awaitSweep() {
        return Optional.ofNullable(awaitSweep(CLOSE_WAIT));
    }

    private Sweeper.Result awaitSweep(Duration wait) {
        try {
            return sweep.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Berth: the sweep of dead sessions still runs after {} s; not waiting longer", wait.toSeconds());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // sweepOnce catches its failures; nothing else completes the future exceptionally
        }
    }

    private static void log(Sweeper.Result r) {
        if (!r.removed().isEmpty()) {
            LOG.info("Berth swept {} leftover(s) of dead sessions in {} ms:{}", r.removed().size(), r.took().toMillis(),
                    r.removed().stream().map(l -> "\n  - " + l.describe()).collect(Collectors.joining()));
        } else {
            LOG.debug("Berth sweep found no leftovers in {} ms", r.took().toMillis());
        }
        for (StepFailure f : r.failures()) {
            LOG.warn("Berth sweep: {} failed: {}", f.step(), f.reason());
        }
    }

    /** @return what the sweep on opening removed (awaited), or empty when it was off or failed */
    public Optional<Sweeper.Result> sweepResult() {
        return awaitSweep();
    }

    /**
     * @param resource closed on a background thread; awaited (and its failure reported) by {@link #close()}
     * @return completes when it is closed
     */
    public CompletableFuture<Void> discardLater(AutoCloseable resource) {
        return background.submit(resource);
    }

    /** @return removals still running in the background */
    public int pendingRemovals() {
        return background.pendingCount();
    }

    /**
     * Awaits the background removals, then removes what the session still holds in teardown order,
     * honouring stop policies. Idempotent.
     *
     * @throws dev.berth.BerthException listing every failed step (background ones included)
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        hook.deregister();
        try {
            awaitSweep(CLOSE_WAIT); // the run does not end with the sweep in flight
            Steps steps = new Steps();
            BackgroundRemovals.Outcome done = background.awaitAll(CLOSE_WAIT);
            steps.addAll(done.attempted(), done.failures());
            background.shutdown();
            teardown.run(true, steps);
            steps.throwIfFailed("session " + shortId(session));
        } finally {
            finished.countDown();
        }
    }

    private void onShutdown() {
        if (!closed.compareAndSet(false, true)) {
            awaitCloseInProgress();
            return;
        }
        awaitSweep(HOOK_WAIT);
        Steps steps = new Steps();
        BackgroundRemovals.Outcome done = background.awaitAll(HOOK_WAIT);
        steps.addAll(done.attempted(), done.failures());
        background.shutdown();
        teardown.run(false, steps);
        List<StepFailure> failures = steps.failures();
        if (failures.isEmpty()) {
            LOG.info("Berth shutdown hook removed what session {} still held", shortId(session));
        } else {
            LOG.warn(TeardownErrors.aggregate("session " + shortId(session), steps.attempted(), failures).getMessage());
        }
    }

    /** SIGTERM while close() runs: hold the JVM until close finishes (bounded), so nothing is cut short. */
    private void awaitCloseInProgress() {
        try {
            if (!finished.await(HOOK_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Berth shutdown hook: closing session {} took over {}s; the next run's sweep removes the rest",
                        shortId(session), HOOK_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shortId(Session session) {
        return session.id().substring(0, 8);
    }
}
