package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.NetworkSpec;
import dev.berth.RunningContainer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Opens a class's and a test's scope: checks the declarations, creates the networks, starts the
 * containers through core's start graph and injects them. Everything a scope creates is owned by its
 * {@link ContextResources}, which JUnit closes when the scope ends.
 */
final class ScopeStart {
    private ScopeStart() {
    }

    /** Before {@code @BeforeAll}: networks, {@link Shared} and class-scoped containers, static injection. */
    static void classScope(ExtensionContext context) {
        RunState run = RunState.of(context);
        Class<?> testClass = context.getRequiredTestClass();
        BerthConfig config = run.config();
        List<ClassModel> chain = run.chain(testClass);
        Map<Declaration, ContainerSpec> specs = new Validator(chain, c -> perClass(context, c), config,
                name -> Shares.runningImage(context, name).orElse(null)).validate();
        SnapshotDeclarations.validate(chain);

        Engine engine = run.engine(context);
        Validator.checkAgainst(engine, specs);
        FailureReports.reporter(context);
        ArchiveSources.loadMissing(engine, chain);
        ContextResources resources = new ContextResources(engine, config, testClass.getName());
        ContextResources.register(context, resources);
        ClassModel model = chain.get(chain.size() - 1);
        for (NetworkSpec network : model.networkSpecs()) {
            resources.addNetwork(network.name(), engine.network(network));
        }
        Set<String> networks = networks(chain);
        UnaryOperator<String> engineNetwork = declared -> Lookup.network(ContextResources.chain(context), declared)
                .name();
        Shares.startShared(context, run, model, networks, resources);

        boolean perClass = perClass(context, testClass);
        Object instance = perClass ? context.getTestInstance().orElse(null) : null;
        Map<Declaration, ContainerSpec> batch = new LinkedHashMap<>();
        for (Declaration d : model.containers()) {
            if (!d.shared() && (d.isStatic() || perClass)) {
                batch.put(d, SpecFactory.build(d, instance, config, networks, engineNetwork));
            }
        }
        SnapshotSteps.cachedSeeds(context, model, batch).forEach(batch::remove);
        resources.startAll(List.copyOf(batch.values()), ContextResources.chain(context));
        inject(context, model, null);
        if (instance != null) {
            inject(context, model, instance);
        }
    }

    /** Before each test: its instance containers (and those of enclosing {@code @Nested} instances), injection. */
    static void testScope(ExtensionContext context) {
        RunState run = RunState.of(context);
        Engine engine = run.engine(context);
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        List<ClassModel> models = new ArrayList<>();
        for (Object instance : instances) {
            models.add(run.model(instance.getClass()));
        }
        Set<String> networks = networks(models);
        ContextResources resources = new ContextResources(engine, run.config(),
                context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName());
        ContextResources.register(context, resources);
        UnaryOperator<String> engineNetwork = declared -> Lookup.network(ContextResources.chain(context), declared)
                .name();
        Map<Declaration, ContainerSpec> specs = new LinkedHashMap<>();
        Set<String> optedOut = new LinkedHashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            ClassModel m = models.get(i);
            if (perClass(context, m.testClass())) {
                continue;
            }
            for (Declaration d : m.containers()) {
                if (!d.shared() && !d.isStatic()) {
                    specs.put(d, SpecFactory.build(d, instances.get(i), run.config(), networks, engineNetwork));
                    if (!d.annotation().prepareAhead()) {
                        optedOut.add(d.name());
                    }
                }
            }
        }
        Validator.checkAgainst(engine, specs);
        if (!specs.isEmpty()) {
            resources.startAll(List.copyOf(specs.values()), ContextResources.chain(context),
                    PrepareAhead.of(context).orElse(null), optedOut);
        }
        for (int i = 0; i < instances.size(); i++) {
            inject(context, models.get(i), instances.get(i));
        }
    }

    private static void inject(ExtensionContext context, ClassModel model, Object instance) {
        List<ContextResources> resources = ContextResources.chain(context);
        Engine engine = RunState.of(context).engine(context);
        boolean statics = instance == null;
        for (Declaration d : model.containers()) {
            if (d.form() == Declaration.Form.ANNOTATION && d.isStatic() == statics) {
                RunningContainer c = Lookup.container(resources, d.name());
                if (c != null) {
                    Injection.set(d.field(), instance, c);
                }
            }
        }
        for (Field f : model.useFields()) {
            if (Modifier.isStatic(f.getModifiers()) == statics) {
                String where = "@Use field " + f.getDeclaringClass().getName() + "." + f.getName();
                Object value = Lookup.resolve(context, resources, where, f.getType(),
                        AnnotationSupport.findAnnotation(f, Use.class).orElseThrow().value(), f.getName(), engine);
                if (value != null) {
                    Injection.set(f, instance, value);
                }
            }
        }
    }

    private static Set<String> networks(List<ClassModel> models) {
        Set<String> out = new LinkedHashSet<>();
        models.forEach(m -> out.addAll(m.networks()));
        return out;
    }

    private static boolean perClass(ExtensionContext context, Class<?> testClass) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext x = c.get();
            if (x.getTestMethod().isEmpty() && x.getTestClass().filter(testClass::equals).isPresent()) {
                return x.getTestInstanceLifecycle().filter(l -> l == TestInstance.Lifecycle.PER_CLASS).isPresent();
            }
        }
        return false;
    }
}
