package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import dev.berth.EngineInfo;
import java.util.Optional;
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
    private volatile Known known;

    private record Known(EngineKind kind, EngineInfo info) {
    }

    /** @param docker the engine client; nothing is asked until first use */
    public EngineFacts(DockerClient docker) {
        this.docker = docker;
    }

    /** @return the engine's kind, asking the engine on first use */
    @Override
    public EngineKind get() {
        return read().kind();
    }

    /** @return the engine's info as first read (its counts are from then), asking the engine on first use */
    public EngineInfo info() {
        return read().info();
    }

    /** @return the info if the engine has already answered, without asking it */
    public Optional<EngineInfo> knownInfo() {
        Known k = known;
        return k == null ? Optional.empty() : Optional.of(k.info());
    }

    /**
     * Asks the engine on a daemon thread, so that the answer is there when something needs it without asking (a
     * failure report); up to {@value #BACKGROUND_ATTEMPTS} times (a loaded Podman may take longer than the call's
     * bound). A failure is logged at debug level; the next use asks again.
     *
     * @param name the thread's name
     */
    public void readInBackground(String name) {
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
        }, name).start();
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
