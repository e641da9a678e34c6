package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import java.lang.reflect.Method;
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
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext classContext = c.get();
            if (classContext.getTestMethod().isPresent() || classContext.getTestClass().isEmpty()) {
                continue;
            }
            ClassSnapshots snapshots = snapshots(classContext, run);
            if (snapshots != null) {
                snapshots.restore(chain.get(0), chain, classContext.equals(context.getParent().orElseThrow())
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
        return classContext.getStore(RunState.NS).getOrComputeIfAbsent(SNAPSHOTS,
                k -> ClassSnapshots.take(run.engine(classContext), resets, ContextResources.chain(classContext),
                        cache(classContext, run, resets), () -> PrepareAhead.existing(classContext)),
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
