package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import dev.berth.SnapshotOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshots of one test class's {@link ResetPerTest} containers: taken once, before the class's
 * first test (so after its {@code @BeforeAll} seed), and restored before each test. Stored in the
 * class's store; closing it (when the class ends) removes the snapshot images. Thread-safe.
 */
final class ClassSnapshots implements StoredResource {
    private static final Logger LOG = LoggerFactory.getLogger(ClassSnapshots.class);

    private final Map<Declaration, Snapshot> snapshots;

    private ClassSnapshots(Map<Declaration, Snapshot> snapshots) {
        this.snapshots = snapshots;
    }

    /** @return the class's static {@code @ResetPerTest @Container} declarations (superclasses included) */
    static List<Declaration> declarations(ClassModel model) {
        return model.containers().stream()
                .filter(d -> d.isStatic() && !d.shared() && d.find(ResetPerTest.class).isPresent())
                .toList();
    }

    /**
     * Snapshots each seeded container, then removes it: a fresh copy per test takes its name and aliases,
     * and the original answering on the same alias would make the network's DNS ambiguous.
     *
     * @param engine the engine
     * @param declarations the reset-per-test declarations
     * @param classChain the class's resources and its ancestors'
     * @param cache the cache decisions, or null when nothing is cached
     */
    static ClassSnapshots take(Engine engine, List<Declaration> declarations, List<ContextResources> classChain,
                               SnapshotCache cache) {
        Map<Declaration, Snapshot> taken = new LinkedHashMap<>();
        for (Declaration d : declarations) {
            RunningContainer seeded = Lookup.container(classChain, d.name());
            if (seeded == null) {
                throw new IllegalStateException("The seeded container " + d.name() + " of " + d.where() + " is not running");
            }
            Snapshot snapshot;
            try {
                snapshot = snapshot(engine, d, seeded, cache);
            } finally {
                if (cache != null) {
                    cache.done(d);
                }
            }
            taken.put(d, snapshot);
            seeded.close();
            LOG.info("Reset-per-test {}: seeded state saved as {} in {} ms; the seeded container is removed", d.where(),
                    snapshot.image(), snapshot.took().toMillis());
        }
        return new ClassSnapshots(taken);
    }

    private static Snapshot snapshot(Engine engine, Declaration d, RunningContainer seeded, SnapshotCache cache) {
        ImageRef hit = cache == null ? null : cache.hit(d);
        if (hit != null) {
            return engine.openSnapshot(hit, seeded.spec()).orElseThrow(() -> new IllegalStateException("The cached"
                    + " snapshot " + hit + " of " + d.where() + " was removed while the class ran; run the class again"));
        }
        SnapshotOptions options = SnapshotOptions.defaults().withComment("berth reset-per-test seed of " + d.where());
        String[] prepare = d.find(ResetPerTest.class).orElseThrow().prepare();
        if (prepare.length > 0) {
            options = options.withPrepareCommand(prepare);
        }
        ImageRef keepAs = cache == null ? null : cache.miss(d);
        if (keepAs != null) {
            options = options.withKeep(true).withTag(keepAs);
        }
        return engine.snapshot(seeded, options);
    }

    /**
     * Starts a fresh copy of every snapshot (in parallel), owned by the test's resources under the
     * declared names, and assigns annotation-only static fields.
     *
     * @param test the test's resources
     * @param chain the test's resources and its ancestors'
     */
    void restore(ContextResources test, List<ContextResources> chain) {
        long begin = System.nanoTime();
        List<ContainerSpec> batch = new ArrayList<>();
        snapshots.forEach((d, s) -> batch.add(s.spec().withName(d.name())));
        test.startAll(batch, chain);
        for (Declaration d : snapshots.keySet()) {
            if (d.form() == Declaration.Form.ANNOTATION) {
                Injection.set(d.field(), null, test.container(d.name()));
            }
        }
        LOG.info("Reset-per-test: {} fresh from the snapshot in {} ms", batch.stream().map(ContainerSpec::name).toList(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** @return the snapshot taken of a declaration, or null */
    Snapshot snapshot(Declaration d) {
        return snapshots.get(d);
    }

    /** Removes the snapshot images (a restored copy kept by keep-on-failure keeps its image too). */
    @Override
    public void close() {
        for (Snapshot s : snapshots.values()) {
            try {
                s.close();
            } catch (BerthException e) {
                LOG.warn("Snapshot {} stays: {}", s.image(), e.getMessage());
            }
        }
    }
}
