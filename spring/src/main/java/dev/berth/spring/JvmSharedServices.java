package dev.berth.spring;

import dev.berth.Berth;
import dev.berth.EngineOptions;

/**
 * The one {@link SharedServices} registry of this JVM, used by every application context that declares a
 * {@code @BerthServiceConnection(shared = true)} service.
 *
 * <p>Why a static holder, against the project's "no static singletons": shared services outlive any single
 * context, and the contexts that share them live in Spring's test context cache, which is itself JVM-static
 * ({@code DefaultCacheAwareContextLoaderDelegate}'s cache; its contexts close in their JVM shutdown hooks). No non-static
 * owner has that lifetime. A parent context ({@code @ContextHierarchy}) would make every test class declare
 * the hierarchy, and is not reference-counted; JUnit's root {@code ExtensionContext.Store} is not reachable
 * from Spring's {@code ContextCustomizer} (nor from a {@code TestExecutionListener}) and closes when the
 * engine's run ends, while cached contexts — and their connection pools — may live on (a test kit run inside
 * a test, the next run of a suite in the same JVM); the field itself holds an immutable spec, which must not
 * carry mutable state. So this holder's lifetime is exactly the JVM's, like Spring's cache. It holds no
 * configuration: the registry connects its engine from the environment when the first context takes a
 * lease, closes it with the last lease, and its engine's session cleanup removes what is still shared at
 * JVM exit.
 */
final class JvmSharedServices {
    static final SharedServices REGISTRY = new SharedServices(() -> Berth.connect(EngineOptions.fromEnvironment()));

    private JvmSharedServices() {
    }
}
