package dev.berth.junit;

import dev.berth.ContainerRef;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.IpcMode;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import java.lang.reflect.Method;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot steps of {@link DockerTest}, which {@link BerthExtension} calls at fixed points (so no
 * registration order matters): a {@code @BeforeAll} seed is skipped when its snapshots are cached; before
 * each test, once the test's own containers run, {@link ResetPerTest} containers are replaced with fresh
 * copies of their seeded snapshot; after the class, {@link SaveImage} archives are written. The class's
 * snapshots and cache decisions live in its store under {@link RunState#NS}.
 */
final class SnapshotSteps {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSteps.class);
    private static final String SNAPSHOTS = "snapshots";
    private static final String CACHE = "snapshot-cache";
    private static final String UNSTARTED = "unstarted-cached-seeds";

    private SnapshotSteps() {
    }

    /**
     * Skips the seed ({@code @BeforeAll} methods) when every reset-per-test snapshot of the class is cached: those
     * of its {@code @Container} fields and that of its {@link Compose} service.
     *
     * @param invocation the {@code @BeforeAll} method's invocation
     * @param invocationContext the method
     * @param context the class context
     * @throws Throwable what the method throws
     */
    static void interceptBeforeAll(InvocationInterceptor.Invocation<Void> invocation,
                                   ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        RunState run = RunState.of(context);
        List<Declaration> resets = ClassSnapshots.declarations(run.model(context.getRequiredTestClass()));
        SnapshotCache cache = cache(context, run, resets);
        boolean declaredHit = resets.isEmpty() || cache != null && cache.allHit(resets);
        Optional<Boolean> composeHit = ComposeExtension.seedCached(context);
        if ((!resets.isEmpty() || composeHit.isPresent()) && declaredHit && composeHit.orElse(true)) {
            LOG.info("Skipping {}: the seeded snapshot is cached", invocationContext.getExecutable());
            invocation.skip();
            return;
        }
        invocation.proceed();
    }

    /**
     * The class's reset-per-test containers that need not start for the class, because every one of its reset
     * snapshots is cached (so its seed is skipped) and each copy is restored from the cached snapshot before its
     * test. Kept starting, as before: a class with a {@link Compose} project, with {@link Nested} classes or
     * instance containers (those may depend on a class container by name), and a container another of the
     * class's containers depends on or shares a namespace with. The spec each would have run is kept in the class's
     * store for the restore.
     *
     * @param context the class context
     * @param model the class's model
     * @param batch the class's containers about to start, by declaration
     * @return the declarations not to start
     */
    static Set<Declaration> cachedSeeds(ExtensionContext context, ClassModel model, Map<Declaration, ContainerSpec> batch) {
        List<Declaration> resets = ClassSnapshots.declarations(model);
        if (resets.isEmpty() || !resets.stream().allMatch(batch::containsKey) || hasOtherDependents(model)) {
            return Set.of();
        }
        SnapshotCache cache = cache(context, RunState.of(context), resets);
        if (cache == null || !cache.allHit(resets)) {
            return Set.of();
        }
        Map<Declaration, ContainerSpec> unstarted = new LinkedHashMap<>();
        for (Declaration d : resets) {
            boolean needed = batch.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(d) && refersTo(e.getValue(), d.name()));
            if (!needed) {
                unstarted.put(d, batch.get(d));
            }
        }
        context.getStore(RunState.NS).put(UNSTARTED, Map.copyOf(unstarted));
        unstarted.keySet().forEach(d -> LOG.info("Reset-per-test {}: not started for the class; each test gets a copy"
                + " of the cached snapshot", d.where()));
        return unstarted.keySet();
    }

    /**
     * @param classContext a test class's context
     * @return true when {@link #cachedSeeds} left containers of this class unstarted: its seed is skipped
     */
    static boolean seedsUnstarted(ExtensionContext classContext) {
        Map<?, ?> unstarted = classContext.getStore(RunState.NS).get(UNSTARTED, Map.class);
        return unstarted != null && !unstarted.isEmpty();
    }

    private static boolean hasOtherDependents(ClassModel model) {
        Class<?> testClass = model.testClass();
        boolean composed = AnnotationSupport.isAnnotated(testClass, Compose.class);
        boolean nested = Arrays.stream(testClass.getDeclaredClasses())
                .anyMatch(c -> AnnotationSupport.isAnnotated(c, Nested.class));
        boolean instances = model.containers().stream().anyMatch(d -> !d.shared() && !d.isStatic());
        return composed || nested || instances;
    }

    private static boolean refersTo(ContainerSpec spec, String name) {
        Namespaces n = spec.namespaces();
        return spec.dependsOn().contains(name) || Stream.of(n.network().flatMap(NetworkMode::target),
                        n.ipc().flatMap(IpcMode::target), n.pid().flatMap(PidMode::target))
                .flatMap(Optional::stream).map(ContainerRef::specName).flatMap(Optional::stream).anyMatch(name::equals);
    }

    /** @return the class's cache decisions, made now if this is the first ask; null when nothing is cached */
    private static SnapshotCache cache(ExtensionContext classContext, RunState run, List<Declaration> resets) {
        if (resets.stream().noneMatch(d -> d.find(ResetPerTest.class).orElseThrow().cache())) {
            return null;
        }
        return classContext.getStore(RunState.NS).getOrComputeIfAbsent(CACHE,
                k -> SnapshotCache.decide(run.engine(classContext), run.config(), resets), SnapshotCache.class);
    }

    /**
     * Replaces the {@link ResetPerTest} containers of the test's classes with fresh copies; call once the
     * test's own containers run.
     *
     * @param context the test context
     */
    static void restore(ExtensionContext context) {
        List<ContextResources> chain = ContextResources.chain(context);
        if (chain.isEmpty()) {
            return;
        }
        RunState run = RunState.of(context);
        Engine engine = run.engine(context);
        boolean replaced = false;
        ExtensionContext innermost = PrepareAhead.classOf(context).orElse(null);
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext classContext = c.get();
            if (classContext.getTestMethod().isPresent() || classContext.getTestClass().isEmpty()) {
                continue;
            }
            ClassSnapshots snapshots = snapshots(classContext, run);
            if (snapshots != null) {
                snapshots.restore(chain.get(0), chain, classContext.equals(innermost)
                        ? PrepareAhead.of(context).orElse(null) : null);
                replaced = true;
            }
        }
        if (replaced) {
            Injection.reassignUseFields(context, chain, engine);
        }
    }

    /** @return the class's snapshots, taken now if this is its first test; null when it resets nothing */
    private static ClassSnapshots snapshots(ExtensionContext classContext, RunState run) {
        List<Declaration> resets = ClassSnapshots.declarations(run.model(classContext.getRequiredTestClass()));
        if (resets.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<Declaration, ContainerSpec> unstarted = classContext.getStore(RunState.NS)
                .getOrDefault(UNSTARTED, Map.class, Map.of());
        return classContext.getStore(RunState.NS).getOrComputeIfAbsent(SNAPSHOTS,
                k -> ClassSnapshots.take(run.engine(classContext), resets, ContextResources.chain(classContext),
                        unstarted, cache(classContext, run, resets), () -> PrepareAhead.existing(classContext)),
                ClassSnapshots.class);
    }

    /**
     * Writes the class's {@link SaveImage} archives.
     *
     * @param context the class context
     */
    static void saveImages(ExtensionContext context) {
        RunState run = RunState.of(context);
        ClassModel model = run.model(context.getRequiredTestClass());
        ClassSnapshots snapshots = context.getStore(RunState.NS).get(SNAPSHOTS, ClassSnapshots.class);
        for (Declaration d : model.containers()) {
            SaveImage save = d.find(SaveImage.class).orElse(null);
            if (save == null) {
                continue;
            }
            Snapshot snapshot = snapshots == null ? null : snapshots.snapshot(d);
            boolean reset = d.find(ResetPerTest.class).isPresent();
            ImageRef image = snapshot != null ? snapshot.image() : reset ? null : runningImage(context, d);
            if (image == null) {
                LOG.warn("@SaveImage {}: nothing to save ({} was never started or snapshotted)", d.where(), d.name());
                continue;
            }
            Path target = SnapshotDeclarations.path("@SaveImage field " + d.where(), save.value());
            try {
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the directory of " + target, e);
            }
            long begin = System.nanoTime();
            run.engine(context).save(target, image);
            LOG.info("@SaveImage {}: saved {} to {} in {} ms", d.where(), image, target,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    private static ImageRef runningImage(ExtensionContext context, Declaration d) {
        RunningContainer c = Lookup.container(ContextResources.chain(context), d.name());
        return c == null ? null : c.spec().image();
    }
}
