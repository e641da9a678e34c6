package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.compose.RunningCompose;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Jupiter extension behind {@link Compose}: a thin adapter over core's
 * {@code ComposeProject.start(engine)}. The engine is the run's one connection ({@link RunState}, shared with
 * {@link BerthExtension});
 * a class-scoped project lives in the class's store, a per-test one (and a {@link ResetPerTest} copy) in
 * the test's store, each closed by JUnit when that context ends.
 */
public final class ComposeExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final Namespace NS = Namespace.create(ComposeExtension.class);
    private static final String PROJECT = "project";
    private static final String COPY = "reset-copy";

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<ComposeDeclarations> found = ComposeDeclarations.of(RunState.of(context).model(context.getRequiredTestClass()));
        if (found.isEmpty() || context.getStore(NS).get(PROJECT) != null) {
            return;
        }
        ComposeDeclarations d = found.get();
        d.validate();
        if (!d.compose().perTest()) {
            ComposeResources r = start(context, d);
            inject(d, null, r, null);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ComposeResources classScoped = find(context.getParent(), PROJECT);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Optional<ComposeDeclarations> found = ComposeDeclarations.of(RunState.of(context).model(instance.getClass()));
            if (found.isEmpty()) {
                continue;
            }
            ComposeDeclarations d = found.get();
            ComposeResources r = classScoped;
            if (d.compose().perTest()) {
                r = start(context, d);
            }
            if (r == null) {
                continue;
            }
            ResetCopy copy = null;
            if (d.resetService().isPresent()) {
                Engine engine = RunState.of(context).engine(context);
                copy = new ResetCopy(engine.start(r.snapshot(engine).spec()));
                context.getStore(NS).put(COPY, copy);
                inject(d, null, r, copy);
            }
            inject(d, instance, r, copy);
        }
    }

    /**
     * Starts the project into the context's store. If a service fails, the services that did start stay in the
     * store until the context ends, so that the failure report shows them next to the one that failed.
     */
    private static ComposeResources start(ExtensionContext context, ComposeDeclarations d) {
        Engine engine = RunState.of(context).engine(context);
        FailureReports.reporter(context);
        ComposeResources r = new ComposeResources(d.project().start(engine,
                partial -> context.getStore(NS).put(PROJECT, new ComposeResources(partial, d))), d);
        context.getStore(NS).put(PROJECT, r);
        return r;
    }

    /**
     * @param context a test or class context
     * @return the compose services running for it and its enclosing contexts (a {@link ResetPerTest} service as
     *     the test's fresh copy), innermost first — what its failure report covers
     */
    static List<RunningContainer> services(ExtensionContext context) {
        List<RunningContainer> out = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ResetCopy copy = c.get().getStore(NS).get(COPY, ResetCopy.class);
            if (copy != null) {
                out.add(copy.container());
            }
            ComposeResources r = c.get().getStore(NS).get(PROJECT, ComposeResources.class);
            if (r != null) {
                out.addAll(r.running());
            }
        }
        return out;
    }

    /**
     * @param classContext a test class's context
     * @return whether its {@link ResetPerTest} compose service is seeded from a cached snapshot (so the seed need
     *     not run); empty when its project has no such service
     */
    static Optional<Boolean> seedCached(ExtensionContext classContext) {
        ComposeResources r = classContext.getStore(NS).get(PROJECT, ComposeResources.class);
        return r == null ? Optional.empty() : r.seedCached(RunState.of(classContext).engine(classContext));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return (type == RunningContainer.class && parameter.isAnnotated(ComposeService.class))
                || type == RunningCompose.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ComposeResources r = find(Optional.of(context), PROJECT);
        if (r == null) {
            throw new ParameterResolutionException(Errors.parameter(parameter.getParameter()) + ": no @Compose"
                    + " project is running here; put @Compose on the test class (a per-test one exists from"
                    + " @BeforeEach to @AfterEach)");
        }
        if (parameter.getParameter().getType() == RunningCompose.class) {
            return r.project();
        }
        String service = parameter.findAnnotation(ComposeService.class).orElseThrow().value();
        ResetCopy copy = find(Optional.of(context), COPY);
        if (copy != null && r.declarations().resetService().filter(service::equals).isPresent()) {
            return copy.container();
        }
        return r.project().service(service);
    }

    private static void inject(ComposeDeclarations d, Object instance, ComposeResources r, ResetCopy copy) {
        for (Field f : d.fields()) {
            if (Modifier.isStatic(f.getModifiers()) != (instance == null)) {
                continue;
            }
            String service = AnnotationSupport.findAnnotation(f, ComposeService.class).orElseThrow().value();
            boolean reset = copy != null && d.resetService().filter(service::equals).isPresent();
            Injection.set(f, instance, reset ? copy.container() : r.project().service(service));
        }
    }

    private static <T> T find(Optional<ExtensionContext> start, String key) {
        for (Optional<ExtensionContext> c = start; c.isPresent(); c = c.get().getParent()) {
            @SuppressWarnings("unchecked")
            T found = (T) c.get().getStore(NS).get(key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The fresh copy of a {@link ResetPerTest} service for one test. */
    record ResetCopy(RunningContainer container) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            container.close();
        }
    }
}
