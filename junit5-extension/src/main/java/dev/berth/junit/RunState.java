package dev.berth.junit;

import dev.berth.Berth;
import dev.berth.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * What one test run shares, in the root store under Berth's one namespace: the configuration (parsed once),
 * the engine connection (opened on first use, closed when the run ends) and each test class's
 * {@link ClassModel} (computed once). Every Berth extension reaches it through {@link #of}, so none depends on
 * another's statics or registration order. Thread-safe.
 */
final class RunState implements StoredResource {
    /** The namespace of every store entry Berth makes (root, class and test stores). */
    static final Namespace NS = Namespace.create(RunState.class);
    private static final String KEY = "run";

    private final BerthConfig config;
    private final Map<Class<?>, ClassModel> models = new ConcurrentHashMap<>();
    private final Object sharedStarts = new Object();
    private Engine engine;

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

    BerthConfig config() {
        return config;
    }

    /**
     * @return the run's one engine connection
     * @throws dev.berth.EngineUnavailableException when no engine answers (asked again on the next call)
     */
    synchronized Engine engine() {
        if (engine == null) {
            engine = Berth.connect(config.engineOptions());
        }
        return engine;
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

    /** @return the lock that makes starting {@link Shared} containers atomic across parallel classes */
    Object sharedStarts() {
        return sharedStarts;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
