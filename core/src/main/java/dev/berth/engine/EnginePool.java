package dev.berth.engine;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.EngineOptions;
import dev.berth.EngineUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of one run, by owner (a test class and everything its containers need): without
 * {@link EngineOptions#dockerHosts()} one engine for every owner, connected as {@link Berth#connect(EngineOptions)}
 * does; with a pool, each owner is placed on one engine of the pool by {@link EnginePlacement} (fewest owners
 * first) and keeps it until {@link #release(String)}. Each endpoint is connected once, on first use, with its
 * own session and sweep. An engine that fails to connect, or stops answering mid-run (see
 * {@link #lostAfter(String, Throwable)}), is lost: its owners get {@link EngineUnavailableException#lost} from
 * {@link #engine(String)}, new owners go to the other engines. Thread-safe; closing closes every engine.
 */
public final class EnginePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnginePool.class);
    /** The key of the one engine when no pool is configured. */
    private static final String SINGLE = "";

    private final EngineOptions options;
    private final EnginePlacement placement;
    private final Function<EngineOptions, Engine> connector;
    private final Map<String, Engine> engines = new LinkedHashMap<>();
    private final Map<String, Object> connecting = new LinkedHashMap<>();

    private EnginePool(EngineOptions options, Function<EngineOptions, Engine> connector) {
        this.options = Objects.requireNonNull(options, "options");
        this.placement = options.dockerHosts().isEmpty() ? null
                : EnginePlacement.of(String.join(",", options.dockerHosts()));
        this.connector = connector;
    }

    /**
     * @param options the run's options; {@link EngineOptions#dockerHosts()} names the pool, if any
     * @return a pool that has connected nothing yet
     */
    public static EnginePool of(EngineOptions options) {
        return new EnginePool(options, Berth::connect);
    }

    /** @return whether the options name a pool (else every owner shares one engine) */
    public boolean isPool() {
        return placement != null;
    }

    /**
     * Places an owner without connecting.
     *
     * @param owner e.g. a test class's name
     * @return the endpoint it is (now) placed on; {@code ""} for the one engine when no pool is configured
     * @throws EngineUnavailableException when every engine of the pool is lost
     */
    public String place(String owner) {
        if (placement == null) {
            return SINGLE;
        }
        try {
            return placement.place(owner);
        } catch (IllegalStateException allLost) {
            throw new EngineUnavailableException(List.of(allLost.getMessage()), "Every engine of "
                    + EngineOptions.DOCKER_HOSTS_PROPERTY + " is lost; start them again, or name others.");
        }
    }

    /**
     * @param owner e.g. a test class's name
     * @return the engine the owner is placed on, connected on first use
     * @throws EngineUnavailableException when it does not answer (without a pool: asked again on the next call;
     *     with one: the endpoint is lost from then on), or is lost
     */
    public Engine engine(String owner) {
        String host = place(owner);
        Optional<String> lost = placement == null ? Optional.empty() : placement.lost(host);
        if (lost.isPresent()) {
            throw EngineUnavailableException.lost(host, owner, lost.get());
        }
        synchronized (lock(host)) {
            synchronized (this) {
                Engine existing = engines.get(host);
                if (existing != null) {
                    return existing;
                }
            }
            Engine engine;
            try {
                engine = connector.apply(host.equals(SINGLE) ? options
                        : options.withDockerHosts(null).withDockerHost(host));
            } catch (EngineUnavailableException e) {
                if (placement != null) {
                    placement.markLost(host, "it did not answer when first connected (" + what(host, e) + ")");
                }
                throw e;
            }
            synchronized (this) {
                engines.put(host, engine);
            }
            return engine;
        }
    }

    private synchronized Object lock(String host) {
        return connecting.computeIfAbsent(host, h -> new Object());
    }

    /**
     * @param owner e.g. a test class's name
     * @return its engine if it is placed and that engine is connected; never connects, never throws
     */
    public synchronized Optional<Engine> connected(String owner) {
        if (placement == null) {
            return Optional.ofNullable(engines.get(SINGLE));
        }
        String host = placement.placed(owner).orElse(null);
        return host == null ? Optional.empty() : Optional.ofNullable(engines.get(host));
    }

    /**
     * Decides after a failure of something placed on an engine whether that engine is lost: when the failure
     * (or a cause) is an {@link EngineUnavailableException} and the engine does not answer a ping either. The
     * other owners of a lost engine learn it from {@link #engine(String)}; nothing new is placed there.
     *
     * @param owner the owner whose work failed
     * @param failure what it failed with
     * @return whether the owner's engine is lost (now or before)
     */
    public boolean lostAfter(String owner, Throwable failure) {
        if (placement == null) {
            return false;
        }
        if (placement.lostReason(owner).isPresent()) {
            return true;
        }
        EngineUnavailableException unavailable = find(failure);
        Optional<Engine> engine = connected(owner);
        if (unavailable == null || engine.isEmpty()) {
            return false;
        }
        try {
            engine.get().docker().pingCmd().exec();
            return false;
        } catch (RuntimeException noAnswer) {
            String host = placement.placed(owner).orElseThrow();
            String reason = "it stopped answering mid-run (" + what(host, unavailable) + ")";
            LOG.warn("The engine at {} is lost; what is placed on it fails, the others go on: {}", host, reason);
            placement.markLost(host, reason);
            return true;
        }
    }

    /** @param owner an owner that is done; its engine's load drops by one */
    public void release(String owner) {
        if (placement != null) {
            placement.release(owner);
        }
    }

    /** @return the engines connected so far, in connection order */
    public synchronized List<Engine> engines() {
        return List.copyOf(engines.values());
    }

    /**
     * Closes every engine connected (each removes what its session still holds); a failure closing one, a lost
     * one above all, is logged and the others are still closed.
     */
    @Override
    public void close() {
        List<Map.Entry<String, Engine>> all;
        synchronized (this) {
            all = new ArrayList<>(engines.entrySet());
            engines.clear();
        }
        RuntimeException first = null;
        for (Map.Entry<String, Engine> e : all) {
            try {
                e.getValue().close();
            } catch (RuntimeException failure) {
                boolean lost = placement != null && placement.lost(e.getKey()).isPresent();
                if (lost) {
                    LOG.warn("Closing the lost engine at {} failed: {}", e.getKey(), firstLine(failure));
                } else if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static EngineUnavailableException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineUnavailableException e) {
                return e;
            }
            for (Throwable s : t.getSuppressed()) {
                EngineUnavailableException inner = find(s);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** @return what happened at the endpoint, without naming it again */
    private static String what(String host, EngineUnavailableException e) {
        if (e.attempts().isEmpty()) {
            return firstLine(e);
        }
        String line = e.attempts().get(0);
        int colon = line.indexOf(": ");
        return line.startsWith(host) && colon > 0 ? line.substring(colon + 2) : line;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }
}
