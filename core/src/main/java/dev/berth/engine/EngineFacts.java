package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import dev.berth.EngineInfo;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine says about itself ({@code /info} and {@code /version}), asked once per connection and kept:
 * its {@link EngineKind} and its {@link EngineInfo}. Product, versions, drivers and security options do not change
 * while an engine runs, so a failure report takes them from here rather than asking a slow engine again (Podman
 * 4.3 answers {@code /version} in about 2 s on a loaded machine, longer than a report may wait for one call).
 * Thread-safe; a read that fails is not kept, and the next use asks again.
 */
public final class EngineFacts implements Supplier<EngineKind> {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFacts.class);

    static final int BACKGROUND_ATTEMPTS = 3;

    private final DockerClient docker;
    private final boolean pingSaidDocker;
    private final String threadName;
    private final AtomicBoolean backgroundRead = new AtomicBoolean();
    private volatile Known known;

    private record Known(EngineKind kind, EngineInfo info) {
    }

    /** @param docker the engine client; nothing is asked until first use */
    public EngineFacts(DockerClient docker) {
        this(docker, Optional.empty(), "berth-engine-info");
    }

    /**
     * @param docker the engine client; nothing is asked until first use
     * @param server the {@code Server} header of the engine's answer to the connection's ping, if it sent one
     * @param threadName the name of the thread {@link #readInBackground()} starts
     */
    public EngineFacts(DockerClient docker, Optional<String> server, String threadName) {
        this.docker = docker;
        this.pingSaidDocker = server.filter(EnginePing::docker).isPresent();
        this.threadName = threadName;
    }

    /** @return the engine's kind, asking the engine on first use */
    @Override
    public EngineKind get() {
        return read().kind();
    }

    /**
     * @return whether the engine is Podman: from the kind if already read, else {@code false} when the ping's
     *     {@code Server} header named Docker, else asking the engine (waiting for a read in flight). On Podman the
     *     first start thus waits for the engine's description, so that a failure right after it (a report) finds the
     *     engine described: Podman takes longer to describe itself than a report may wait
     */
    public boolean podman() {
        Known k = known;
        if (k != null) {
            return k.kind().podman();
        }
        return !pingSaidDocker && read().kind().podman();
    }

    /** @return the engine's info as first read (its counts are from then), asking the engine on first use */
    public EngineInfo info() {
        return read().info();
    }

    /**
     * @return the info if the engine has already answered, without waiting for it; when it has not, the engine is
     *     asked in the background ({@link #readInBackground()}), so that a later call finds it
     */
    public Optional<EngineInfo> knownInfo() {
        Known k = known;
        if (k == null) {
            readInBackground();
            return Optional.empty();
        }
        return Optional.of(k.info());
    }

    /**
     * Starts {@link #readInBackground()} now unless the ping named Docker: Podman takes seconds to describe itself
     * (2 s and more for {@code /version} on a loaded machine), so its read must start early for a first failure report
     * to show it; Docker answers in milliseconds, and its read waits for the first ready container rather than compete
     * with the first start in a fresh JVM.
     */
    public void readInBackgroundUnlessDocker() {
        if (!pingSaidDocker) {
            readInBackground();
        }
    }

    /**
     * Asks the engine on a daemon thread, so that the answer is there when something needs it without asking (a
     * failure report); up to {@value #BACKGROUND_ATTEMPTS} times (a loaded Podman may take longer than the call's
     * bound). Only the first call starts the thread; nothing happens once the answer is known. A failure is logged at
     * debug level; the next use asks again.
     */
    public void readInBackground() {
        if (known != null || !backgroundRead.compareAndSet(false, true)) {
            return;
        }
        daemon(() -> {
            for (int attempt = 1; attempt <= BACKGROUND_ATTEMPTS; attempt++) {
                try {
                    read();
                    return;
                } catch (RuntimeException e) {
                    LOG.debug("reading the engine's info and version in the background failed ({} of {})", attempt,
                            BACKGROUND_ATTEMPTS, e);
                }
            }
        }, threadName).start();
    }

    /** An unstarted daemon thread; {@link SelfDescription} asks for {@code /version} on one too. */
    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Known read() {
        Known k = known;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (known == null) {
                long started = System.nanoTime();
                SelfDescription self = SelfDescription.read(docker); // both side by side
                LOG.debug("the engine described itself in {} ms", (System.nanoTime() - started) / 1_000_000);
                EngineKind kind = EngineKind.of(self);
                known = new Known(kind, EngineInfoReader.info(self, kind));
            }
            return known;
        }
    }
}
