package dev.berth.junit;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.EngineUnavailableException;
import dev.berth.NetworkSpec;
import dev.berth.RunningContainer;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Jupiter extension behind {@link DockerTest}: a thin adapter mapping JUnit callbacks onto a
 * core {@link Engine}. All state lives in {@link ExtensionContext.Store}s under a private namespace:
 * the engine in the root store (closed when the run ends), each class's and each test's
 * containers and networks in that context's store (closed when it ends, newest first). Every stored
 * resource is a {@link StoredResource}, which every JUnit line from 5.10 on closes.
 */
public final class BerthExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private static final Namespace NS = Namespace.create(BerthExtension.class);
    private static final String ENGINE = "engine";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<DockerTest> docker = context.getTestClass().flatMap(BerthExtension::dockerTest);
        if (context.getTestMethod().isPresent() || docker.isEmpty() || !docker.get().disabledWithoutDocker()) {
            return ConditionEvaluationResult.enabled("Berth does not disable this test");
        }
        try {
            engine(context);
            return ConditionEvaluationResult.enabled("A Docker engine answers");
        } catch (EngineUnavailableException e) {
            return ConditionEvaluationResult.disabled("No Docker engine (disabledWithoutDocker = true): "
                    + e.getMessage());
        }
    }

    private static Optional<DockerTest> dockerTest(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<DockerTest> found = AnnotationSupport.findAnnotation(c, DockerTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        BerthConfig config = BerthConfig.from(context);
        List<ClassModel> chain = chain(context, testClass);
        Map<Declaration, ContainerSpec> specs = new Validator(chain, c -> perClass(context, c), config,
                name -> sharedImage(context, name)).validate();
        SnapshotDeclarations.validate(chain);

        Engine engine = engine(context);
        Validator.checkAgainst(engine, specs);
        FailureReports.reporter(context);
        ArchiveSources.loadMissing(engine, chain);
        ContextResources resources = new ContextResources(engine, config, testClass.getName());
        context.getStore(NS).put(key(context), resources);
        ClassModel model = chain.get(chain.size() - 1);
        for (NetworkSpec network : model.networkSpecs()) {
            resources.addNetwork(network.name(), engine.network(network));
        }
        Set<String> networks = networks(chain);
        UnaryOperator<String> engineNetwork = declared -> Lookup.network(chainResources(context), declared).name();
        Shares.startShared(context, engine, config, model, networks, resources);

        boolean perClass = perClass(context, testClass);
        Object instance = perClass ? context.getTestInstance().orElse(null) : null;
        List<Starter.Pending> batch = new ArrayList<>();
        for (Declaration d : model.containers()) {
            if (!d.shared() && (d.isStatic() || perClass)) {
                batch.add(new Starter.Pending(d.name(), SpecFactory.build(d, instance, config, networks, engineNetwork)));
            }
        }
        Starter.startAll(engine, batch, resources, name -> Lookup.container(chainResources(context), name));
        inject(context, model, null);
        if (instance != null) {
            inject(context, model, instance);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BerthConfig config = BerthConfig.from(context);
        Engine engine = engine(context);
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        List<ClassModel> models = new ArrayList<>();
        for (Object instance : instances) {
            models.add(model(context, instance.getClass()));
        }
        Set<String> networks = networks(models);
        ContextResources resources = new ContextResources(engine, config,
                context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName());
        context.getStore(NS).put(key(context), resources);
        UnaryOperator<String> engineNetwork = declared -> Lookup.network(chainResources(context), declared).name();
        List<Starter.Pending> batch = new ArrayList<>();
        List<Declaration> declarations = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            ClassModel m = models.get(i);
            if (perClass(context, m.testClass())) {
                continue;
            }
            for (Declaration d : m.containers()) {
                if (!d.shared() && !d.isStatic()) {
                    declarations.add(d);
                    batch.add(new Starter.Pending(d.name(),
                            SpecFactory.build(d, instances.get(i), config, networks, engineNetwork)));
                }
            }
        }
        Lookup.checkBatch(declarations, batch, chainResources(context));
        Map<Declaration, ContainerSpec> specs = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            specs.put(declarations.get(i), batch.get(i).spec());
        }
        Validator.checkAgainst(engine, specs);
        Starter.startAll(engine, batch, resources, name -> Lookup.container(chainResources(context), name));
        for (int i = 0; i < instances.size(); i++) {
            inject(context, models.get(i), instances.get(i));
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            chainResources(context).forEach(ContextResources::markFailed);
        }
        FailureReports.afterTest(context, chainResources(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FailureReports.afterEach(context, chainResources(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            chainResources(context).forEach(ContextResources::markFailed);
        }
        FailureReports.afterAll(context, chainResources(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return (type == RunningContainer.class && !parameterContext.isAnnotated(ComposeService.class))
                || type == dev.berth.Network.class || type == Engine.class || Handles.isHandle(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Parameter p = parameterContext.getParameter();
        String qualifier = parameterContext.findAnnotation(Use.class).map(Use::value).orElse("");
        Object value = Lookup.resolve(context, chainResources(context), Errors.parameter(p), p.getType(), qualifier,
                p.isNamePresent() ? p.getName() : null, engine(context));
        if (value == null) {
            throw new ParameterResolutionException(Errors.parameter(p) + ": no " + p.getType().getSimpleName()
                    + " is running at this point. A per-test container exists only from @BeforeEach to @AfterEach;"
                    + " constructors and @BeforeAll methods see class-scoped (static) and @Shared ones.");
        }
        return value;
    }

    private void inject(ExtensionContext context, ClassModel model, Object instance) {
        List<ContextResources> resources = chainResources(context);
        boolean statics = instance == null;
        for (Declaration d : model.containers()) {
            if (d.form() == Declaration.Form.ANNOTATION && d.isStatic() == statics) {
                RunningContainer c = Lookup.container(resources, d.name());
                if (c != null) {
                    set(d.field(), instance, c);
                }
            }
        }
        for (Field f : model.useFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) == statics) {
                String where = "@Use field " + f.getDeclaringClass().getName() + "." + f.getName();
                Object value = Lookup.resolve(context, resources, where, f.getType(), f.getAnnotation(Use.class).value(),
                        f.getName(), engine(context));
                if (value != null) {
                    set(f, instance, value);
                }
            }
        }
    }

    private static void set(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot assign " + field, e);
        }
    }

    static Engine engine(ExtensionContext context) {
        String dockerHost = BerthConfig.dockerHost(BerthConfig.parameters(context));
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(ENGINE,
                k -> new EngineHolder(dockerHost == null ? Berth.connect() : Berth.connect(dockerHost)),
                EngineHolder.class).engine();
    }

    static ExtensionContext.Store rootStore(ExtensionContext context) {
        return context.getRoot().getStore(NS);
    }

    private static ClassModel model(ExtensionContext context, Class<?> testClass) {
        return rootStore(context).getOrComputeIfAbsent("model:" + testClass.getName(), k -> ClassModel.of(testClass),
                ClassModel.class);
    }

    private static List<ClassModel> chain(ExtensionContext context, Class<?> testClass) {
        List<ClassModel> chain = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = model(context, c).enclosing()) {
            chain.add(0, model(context, c));
        }
        return chain;
    }

    private static Set<String> networks(List<ClassModel> models) {
        Set<String> out = new LinkedHashSet<>();
        models.forEach(m -> out.addAll(m.networks()));
        return out;
    }

    private static String key(ExtensionContext context) {
        return "resources:" + context.getUniqueId();
    }

    /** @return the resources of the context and its ancestors, innermost first */
    static List<ContextResources> chainResources(ExtensionContext context) {
        List<ContextResources> out = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ContextResources r = c.get().getStore(NS).get(key(c.get()), ContextResources.class);
            if (r != null) {
                out.add(r);
            }
        }
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

    private static String sharedImage(ExtensionContext context, String name) {
        SharedContainer s = rootStore(context).get(Shares.key(name), SharedContainer.class);
        return s == null ? null : s.container().spec().image().toString();
    }
}
