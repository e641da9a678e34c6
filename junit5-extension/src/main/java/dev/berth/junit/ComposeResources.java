package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import dev.berth.SnapshotOptions;
import dev.berth.compose.ServiceDefinition;
import dev.berth.compose.RunningCompose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A started {@link Compose} project (or the part of it that started before a service failed) and, for a
 * {@link ResetPerTest} service, its snapshot: taken before the first test, or with {@code cache = true} reused
 * from an earlier run when the key still matches. Stored in the class's (or test's) store; closing it removes the
 * project, then the snapshot image (a cached one stays). Thread-safe.
 */
final class ComposeResources implements StoredResource {
    private final RunningCompose project;
    private final ComposeDeclarations declarations;
    private Snapshot snapshot;
    private SnapshotCache cache;

    ComposeResources(RunningCompose project, ComposeDeclarations declarations) {
        this.project = project;
        this.declarations = declarations;
    }

    RunningCompose project() {
        return project;
    }

    ComposeDeclarations declarations() {
        return declarations;
    }

    /** @return the project's running services: all but a {@link ResetPerTest} original once snapshotted */
    synchronized List<RunningContainer> running() {
        List<RunningContainer> out = new ArrayList<>();
        project.services().forEach((name, c) -> {
            if (snapshot == null || declarations.resetService().filter(name::equals).isEmpty()) {
                out.add(c);
            }
        });
        return out;
    }

    /**
     * @param engine the engine
     * @return whether the seed can be skipped: empty without a {@link ResetPerTest} service, else whether its
     *     snapshot is cached (decided once; a miss holds the cache lock until the snapshot is kept)
     */
    synchronized Optional<Boolean> seedCached(Engine engine) {
        if (declarations.resetService().isEmpty()) {
            return Optional.empty();
        }
        SnapshotCache decided = cache(engine);
        return Optional.of(decided != null && decided.hit(declarations.resetService().get()) != null);
    }

    /** Snapshots the seeded service once (or opens the cached snapshot) and removes the original; copies take its place. */
    synchronized Snapshot snapshot(Engine engine) {
        if (snapshot == null) {
            String service = declarations.resetService().orElseThrow();
            RunningContainer seeded = project.service(service);
            SnapshotCache decided = cache(engine);
            try {
                snapshot = take(engine, service, seeded, decided);
            } finally {
                if (decided != null) {
                    decided.done(service);
                }
            }
            seeded.close();
        }
        return snapshot;
    }

    private Snapshot take(Engine engine, String service, RunningContainer seeded, SnapshotCache decided) {
        String where = where();
        ImageRef hit = decided == null ? null : decided.hit(service);
        if (hit != null) {
            return engine.openSnapshot(hit, seeded.spec()).orElseThrow(() -> new IllegalStateException("The cached"
                    + " snapshot " + hit + " of " + where + " was removed while the class ran; run the class again"));
        }
        SnapshotOptions options = SnapshotOptions.defaults().withComment("berth reset-per-test seed of " + where);
        String[] prepare = reset().prepare();
        if (prepare.length > 0) {
            options = options.withPrepareCommand(prepare);
        }
        ImageRef keepAs = decided == null ? null : decided.miss(service);
        if (keepAs != null) {
            options = options.withKeep(true).withTag(keepAs);
        }
        return engine.snapshot(seeded, options);
    }

    private ResetPerTest reset() {
        return AnnotationSupport.findAnnotation(declarations.reset().orElseThrow(), ResetPerTest.class).orElseThrow();
    }

    /** @return e.g. {@code com.acme.OrderTest.db}, the {@link ResetPerTest} field */
    private String where() {
        return declarations.reset().map(f -> f.getDeclaringClass().getName() + "." + f.getName()).orElseThrow();
    }

    /** @return the cache decision for the reset service, made on first ask; null when it is not cached */
    private SnapshotCache cache(Engine engine) {
        if (cache == null && reset().cache()) {
            String service = declarations.resetService().orElseThrow();
            cache = SnapshotCache.decide(engine, service, SnapshotCache.reference(service, key(engine, service)), where());
        }
        return cache;
    }

    /**
     * What a cached compose snapshot depends on: the field, its annotations, the {@code seedVersion}, the project
     * name and the service's whole definition as read from the file (the fingerprint of its spec — image, env,
     * command, mounts, limits, healthcheck… — its networks and aliases, its build and its {@code depends_on}), and
     * the id of the image the seeded service runs (so a rebuilt or re-pulled image seeds anew).
     */
    private String key(Engine engine, String service) {
        ServiceDefinition definition = declarations.project().load().service(service);
        ImageRef image = project.service(service).spec().image();
        String imageId = engine.images().id(image).orElseThrow(() -> new IllegalStateException(
                "The engine no longer holds " + image + ", which compose service " + service + " runs"));
        return where() + "\n"
                + Arrays.toString(declarations.reset().get().getAnnotations()) + "\n" + reset().seedVersion() + "\n"
                + project.model().name() + "\n" + definition.spec().fingerprint() + "\n" + definition.networks() + "\n"
                + definition.build() + "\n" + definition.dependsOn() + "\n" + imageId;
    }

    @Override
    public void close() {
        try {
            project.close();
        } finally {
            Snapshot taken;
            SnapshotCache held;
            synchronized (this) {
                taken = snapshot;
                held = cache;
            }
            try {
                if (taken != null) {
                    taken.close();
                }
            } finally {
                if (held != null) {
                    held.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ComposeResources[" + project + "]";
    }
}
