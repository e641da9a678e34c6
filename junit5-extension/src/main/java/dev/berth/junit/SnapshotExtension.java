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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot part of {@link DockerTest}, registered after {@link BerthExtension}: before each test it
 * replaces {@link ResetPerTest} containers with fresh copies of their seeded snapshot (the test's own
 * containers exist by then), and after the class it writes {@link SaveImage} archives.
 */
public final class SnapshotExtension implements BeforeEachCallback, AfterAllCallback, InvocationInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotExtension.class);
    private static final Namespace NS = Namespace.create(SnapshotExtension.class);
    private static final String SNAPSHOTS = "snapshots";
    private static final String CACHE = "cache";

    /** Skips the seed ({@code @BeforeAll} methods) when every reset-per-test snapshot of the class is cached. */
    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                         ExtensionContext context) throws Throwable {
        List<Declaration> resets = ClassSnapshots.declarations(ClassModel.of(context.getRequiredTestClass()));
        SnapshotCache cache = cache(context, BerthExtension.engine(context), resets);
        if (cache != null && cache.allHit(resets)) {
            LOG.info("Skipping {}: the seeded snapshot is cached", invocationContext.getExecutable());
            invocation.skip();
            return;
        }
        invocation.proceed();
    }

    /** @return the class's cache decisions, made now if this is the first ask; null when nothing is cached */
    private static SnapshotCache cache(ExtensionContext classContext, Engine engine, List<Declaration> resets) {
        if (resets.stream().noneMatch(d -> d.field().getAnnotation(ResetPerTest.class).cache())) {
            return null;
        }
        return classContext.getStore(NS).getOrComputeIfAbsent(CACHE, k -> SnapshotCache.decide(engine, BerthConfig.from(classContext), resets),
                SnapshotCache.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<ContextResources> chain = BerthExtension.chainResources(context);
        if (chain.isEmpty()) {
            return;
        }
        Engine engine = BerthExtension.engine(context);
        boolean replaced = false;
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext classContext = c.get();
            if (classContext.getTestMethod().isPresent() || classContext.getTestClass().isEmpty()) {
                continue;
            }
            ClassSnapshots snapshots = snapshots(classContext, engine);
            if (snapshots != null) {
                snapshots.restore(engine, chain.get(0), chain);
                replaced = true;
            }
        }
        if (replaced) {
            Injection.reassignUseFields(context, chain, engine);
        }
    }

    /** @return the class's snapshots, taken now if this is its first test; null when it resets nothing */
    private static ClassSnapshots snapshots(ExtensionContext classContext, Engine engine) {
        List<Declaration> resets = ClassSnapshots.declarations(ClassModel.of(classContext.getRequiredTestClass()));
        if (resets.isEmpty()) {
            return null;
        }
        return classContext.getStore(NS).getOrComputeIfAbsent(SNAPSHOTS,
                k -> ClassSnapshots.take(engine, resets, BerthExtension.chainResources(classContext),
                        cache(classContext, engine, resets)), ClassSnapshots.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassModel model = ClassModel.of(context.getRequiredTestClass());
        ClassSnapshots snapshots = context.getStore(NS).get(SNAPSHOTS, ClassSnapshots.class);
        for (Declaration d : model.containers()) {
            SaveImage save = d.field().getAnnotation(SaveImage.class);
            if (save == null) {
                continue;
            }
            Snapshot snapshot = snapshots == null ? null : snapshots.snapshot(d);
            boolean reset = d.field().isAnnotationPresent(ResetPerTest.class);
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
            BerthExtension.engine(context).save(target, image);
            LOG.info("@SaveImage {}: saved {} to {} in {} ms", d.where(), image, target,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    private static ImageRef runningImage(ExtensionContext context, Declaration d) {
        RunningContainer c = Lookup.container(BerthExtension.chainResources(context), d.name());
        return c == null ? null : c.spec().image();
    }
}
