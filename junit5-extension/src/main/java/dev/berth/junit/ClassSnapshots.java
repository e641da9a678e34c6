package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import dev.berth.SnapshotOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
    private final Supplier<Optional<PrepareAhead>> ahead;

    private ClassSnapshots(Map<Declaration, Snapshot> snapshots, Supplier<Optional<PrepareAhead>> ahead) {
        this.snapshots = snapshots;
        this.ahead = ahead;
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
     * @param unstarted the specs of declarations whose cached snapshot is restored without a class container
     * @param cache the cache decisions, or null when nothing is cached
     * @param ahead the class's prepared starts once a test made them, closed before the images are removed
     */
    static ClassSnapshots take(Engine engine, List<Declaration> declarations, List<ContextResources> classChain,
                               Map<Declaration, ContainerSpec> unstarted, SnapshotCache cache,
                               Supplier<Optional<PrepareAhead>> ahead) {
        Map<Declaration, Snapshot> taken = new LinkedHashMap<>();
        for (Declaration d : declarations) {
            ContainerSpec spec = unstarted.get(d);
            if (spec != null) {
                taken.put(d, cached(engine, d, spec, cache));
                continue;
            }
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
        return new ClassSnapshots(taken, ahead);
    }

    private static Snapshot snapshot(Engine engine, Declaration d, RunningContainer seeded, SnapshotCache cache) {
        ImageRef hit = cache == null ? null : cache.hit(d);
        if (hit != null) {
            return cached(engine, d, seeded.spec(), cache);
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

    private static Snapshot cached(Engine engine, Declaration d, ContainerSpec source, SnapshotCache cache) {
        ImageRef hit = cache.hit(d);
        return engine.openSnapshot(hit, source).orElseThrow(() -> new IllegalStateException("The cached"
                + " snapshot " + hit + " of " + d.where() + " was removed while the class ran; run the class again"));
    }

    /**
     * Starts a fresh copy of every snapshot (in parallel), owned by the test's resources under the
     * declared names, and assigns annotation-only static fields. With {@code ahead}, a copy started ahead for an
     * earlier test's successor is handed over, and the next test's copy starts in the background.
     *
     * @param test the test's resources
     * @param chain the test's resources and its ancestors'
     * @param ahead the class's prepared starts, or null
     */
    void restore(ContextResources test, List<ContextResources> chain, PrepareAhead ahead) {
        long begin = System.nanoTime();
        List<ContainerSpec> batch = new ArrayList<>();
        Set<String> optedOut = new HashSet<>();
        snapshots.forEach((d, s) -> {
            batch.add(s.spec().withName(d.name()));
            if (!d.annotation().prepareAhead()) {
                optedOut.add(d.name());
            }
        });
        test.startAll(batch, chain, ahead, optedOut);
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

    /**
     * Removes the snapshot images (a restored copy kept by keep-on-failure keeps its image too), after the copies
     * started ahead that no test claimed: an image a container still uses cannot be removed.
     */
    @Override
    public void close() {
        try {
            ahead.get().ifPresent(PrepareAhead::close);
        } catch (BerthException e) {
            LOG.warn("Copies prepared ahead stay: {}", e.getMessage());
        }
        for (Snapshot s : snapshots.values()) {
            try {
                s.close();
            } catch (BerthException e) {
                LOG.warn("Snapshot {} stays: {}", s.image(), e.getMessage());
            }
        }
    }
}
