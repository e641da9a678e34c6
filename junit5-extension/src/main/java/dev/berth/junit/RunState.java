package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.engine.EnginePool;
import dev.berth.report.ReportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * What one test run shares, in the root store under Berth's one namespace: the configuration (parsed once),
 * the engines (core's {@link EnginePool}: one engine, or with {@code berth.docker.hosts} one per endpoint with each
 * top-level test class placed on one; each opened on first use, all closed when the run ends) and each test
 * class's {@link ClassModel} (computed once). A {@code @Nested} class runs on its top-level class's engine. Every Berth extension reaches it through {@link #of}, so none depends on
 * another's statics or registration order. Thread-safe.
 */
final class RunState implements StoredResource {
    /** The namespace of every store entry Berth makes (root, class and test stores). */
    static final Namespace NS = Namespace.create(RunState.class);
    private static final String KEY = "run";
    private static final String RELEASE = "engine-placement";

    private final BerthConfig config;
    private final Map<Class<?>, ClassModel> models = new ConcurrentHashMap<>();
    private final Map<String, Object> sharedStarts = new ConcurrentHashMap<>();
    private EnginePool pool;
    private ReportSettings reportSettings;

    private RunState(BerthConfig config) {
        this.config = config;
    }

    /**
     * @param context any context of the run
     * @return the run's state, created (and the configuration parsed) on first use
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for a bad {@code berth.*} parameter
     */
    static RunState of(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(KEY, k -> new RunState(BerthConfig.from(context)),
                RunState.class);
    }

    /** @return the run's state if a Berth extension created it; never parses the configuration */
    static Optional<RunState> find(ExtensionContext context) {
        return Optional.ofNullable(context.getRoot().getStore(NS).get(KEY, RunState.class));
    }

    BerthConfig config() {
        return config;
    }

    /**
     * @return the failure and run report settings ({@code berth.reports.*}), read once per run from the same
     *     settings the engines get
     */
    synchronized ReportSettings reportSettings() {
        if (reportSettings == null) {
            Properties p = new Properties();
            p.putAll(config.engineOptions().settings());
            reportSettings = ReportSettings.fromProperties(p);
        }
        return reportSettings;
    }

    private synchronized EnginePool pool() {
        if (pool == null) {
            pool = EnginePool.of(config.engineOptions());
        }
        return pool;
    }

    /**
     * @param context a class or test context
     * @return the engine its top-level class is placed on, connected on first use
     * @throws dev.berth.EngineUnavailableException when that engine does not answer (without a pool: asked again on
     *     the next call) or is lost, naming its endpoint
     */
    Engine engine(ExtensionContext context) {
        return pool().engine(placedOwner(context));
    }

    /**
     * @param context a class or test context
     * @return the pool endpoint its top-level class is placed on ({@code ""} without a pool); never connects
     */
    String placement(ExtensionContext context) {
        return pool().place(placedOwner(context));
    }

    /** @return the engine of the context's top-level class if it is connected; never connects, never throws */
    Optional<Engine> connectedEngine(ExtensionContext context) {
        EnginePool p;
        synchronized (this) {
            p = pool;
        }
        return p == null || context.getTestClass().isEmpty() ? Optional.empty() : p.connected(owner(context));
    }

    /**
     * After a failure: whether the engine of the context's top-level class is lost (core decides; the other
     * classes of a lost engine then fail on their next step, with the error naming the endpoint).
     */
    void checkLost(ExtensionContext context, Throwable failure) {
        EnginePool p;
        synchronized (this) {
            p = pool;
        }
        if (p != null && context.getTestClass().isPresent()) {
            p.lostAfter(owner(context), failure);
        }
    }

    /** @return the top-level class of the context's test class: the unit placed on one engine */
    private static String owner(ExtensionContext context) {
        return topClass(context).getRequiredTestClass().getName();
    }

    /** @return {@link #owner}, released (its engine's load drops) when its class context closes */
    private String placedOwner(ExtensionContext context) {
        ExtensionContext top = topClass(context);
        String owner = top.getRequiredTestClass().getName();
        EnginePool p = pool();
        top.getStore(NS).getOrComputeIfAbsent(RELEASE, k -> new Release(p, owner), Release.class);
        return owner;
    }

    private static ExtensionContext topClass(ExtensionContext context) {
        ExtensionContext top = context;
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().isPresent()) {
                top = c.get();
            }
        }
        return top;
    }

    /** Releases a top-level class's place in the pool when its context closes. */
    private record Release(EnginePool pool, String owner) implements StoredResource {
        @Override
        public void close() {
            pool.release(owner);
        }
    }

    /** @return what a class declares, computed once per run */
    ClassModel model(Class<?> testClass) {
        return models.computeIfAbsent(testClass, ClassModel::of);
    }

    /** @return the models of a class and its enclosing classes ({@code @Nested}), outermost first */
    List<ClassModel> chain(Class<?> testClass) {
        List<ClassModel> chain = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = model(c).enclosing()) {
            chain.add(0, model(c));
        }
        return chain;
    }

    /**
     * @param placement a pool endpoint ({@link #placement})
     * @return the lock that makes starting {@link Shared} containers on it atomic across parallel classes
     */
    Object sharedStarts(String placement) {
        return sharedStarts.computeIfAbsent(placement, p -> new Object());
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
