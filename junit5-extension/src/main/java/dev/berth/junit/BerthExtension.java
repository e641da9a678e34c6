package dev.berth.junit;

import dev.berth.EngineUnavailableException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Jupiter extension behind {@link DockerTest}: a thin adapter mapping JUnit callbacks onto a core
 * {@code Engine}. All state lives in {@link ExtensionContext.Store}s under one private namespace: the run's
 * configuration, engine and class models in the root store (closed when the run ends), each class's and each
 * test's containers and networks in that context's store (closed when it ends, newest first).
 *
 * <p>Parameters: Berth resolves an {@code Engine} parameter, and a {@code RunningContainer}, typed handle or
 * {@code dev.berth.Network} parameter that carries {@link Use} or whose test class (with its superclasses and
 * enclosing classes) declares at least one container, respectively network. Every other parameter is left to
 * other resolvers, so one that resolves the same type works in classes where Berth declares none.
 */
public final class BerthExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback, ParameterResolver, InvocationInterceptor {

    /** Created by JUnit through {@link DockerTest} (or {@code @ExtendWith}). */
    public BerthExtension() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<DockerTest> docker = context.getTestClass().flatMap(BerthExtension::dockerTest);
        if (context.getTestMethod().isPresent() || docker.isEmpty() || !docker.get().disabledWithoutDocker()) {
            return ConditionEvaluationResult.enabled("Berth does not disable this test");
        }
        try {
            RunState.of(context).engine(context);
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
        ScopeStart.classScope(context);
    }

    /** Skips a {@code @BeforeAll} seed whose {@link ResetPerTest} snapshots are all cached. */
    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        SnapshotSteps.interceptBeforeAll(invocation, method, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ScopeStart.testScope(context);
        SnapshotSteps.restore(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            ContextResources.chain(context).forEach(ContextResources::markFailed);
            RunState.find(context).ifPresent(run -> run.checkLost(context, context.getExecutionException().get()));
        }
        FailureReports.afterTest(context, ContextResources.chain(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getExecutionException().ifPresent(e -> RunState.find(context).ifPresent(run -> run.checkLost(context, e)));
        FailureReports.afterEach(context, ContextResources.chain(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            SnapshotSteps.saveImages(context);
        } finally {
            if (context.getExecutionException().isPresent()) {
                ContextResources.chain(context).forEach(ContextResources::markFailed);
                RunState.find(context).ifPresent(run -> run.checkLost(context, context.getExecutionException().get()));
            }
            FailureReports.afterAll(context, ContextResources.chain(context));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> testClass = extensionContext.getTestClass()
                .orElse(parameterContext.getDeclaringExecutable().getDeclaringClass());
        return Lookup.claims(parameterContext.getParameter(), RunState.of(extensionContext).chain(testClass));
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Parameter p = parameterContext.getParameter();
        String qualifier = parameterContext.findAnnotation(Use.class).map(Use::value).orElse("");
        Object value = Lookup.resolve(context, ContextResources.chain(context), Errors.parameter(p), p.getType(),
                qualifier, p.isNamePresent() ? p.getName() : null, RunState.of(context).engine(context));
        if (value == null && SnapshotSteps.seedsUnstarted(context)
                && parameterContext.getDeclaringExecutable().isAnnotationPresent(BeforeAll.class)) {
            return null; // the seed is skipped: its snapshot is cached and its container was never started
        }
        if (value == null) {
            throw new ParameterResolutionException(Errors.parameter(p) + ": no " + p.getType().getSimpleName()
                    + " is running at this point. A per-test container exists only from @BeforeEach to @AfterEach;"
                    + " constructors and @BeforeAll methods see class-scoped (static) and @Shared ones.");
        }
        return value;
    }
}
