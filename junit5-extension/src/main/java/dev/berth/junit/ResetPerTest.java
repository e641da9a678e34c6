package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test a pristine copy of a seeded, class-scoped container. On a static {@link Container}
 * field: the container starts for the class, the class's {@code @BeforeAll} methods seed it, and before
 * the first test the extension snapshots it once ({@code engine.snapshot}, volumes included) and removes
 * the seeded original. Before <em>each</em> test a fresh container started from the snapshot takes its
 * place — same name, ports, env, networks and aliases — the static field is re-assigned and parameters
 * resolve to it; it is removed after the test. The snapshot image is removed after the class.
 *
 * <pre>{@code
 * @Container(image = "localhost:5000/berth-fixtures/postgres:15", ports = 5432, env = "POSTGRES_PASSWORD=pw")
 * @ResetPerTest(prepare = {"psql", "-U", "postgres", "-c", "CHECKPOINT"})
 * static RunningContainer db;
 *
 * @BeforeAll
 * static void seed() { ... }            // runs once; every test starts from what it left
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface ResetPerTest {
    /**
     * @return a command run in the seeded container just before the snapshot (must exit 0), e.g. a
     *     database checkpoint so restored copies start without crash recovery; by default the container
     *     spec's {@code snapshotPrepare()} (the service modules set one), else none
     */
    String[] prepare() default {};

    /**
     * @return true to keep the snapshot across runs (labelled {@code dev.berth.keep=true}, tagged
     *     {@code berth-snapshots/<name>:cache-<key>}) and reuse it while it exists: the class's
     *     {@code @BeforeAll} methods are then skipped. The key covers the class, the field, its
     *     annotations, its image and {@link #seedVersion()}; concurrent JVMs building the same snapshot wait
     *     for the first instead of seeding twice. Kept images are removed by you (docs/snapshots.md)
     */
    boolean cache() default false;

    /**
     * @return part of the cache key: change it whenever the seed (or a {@code ContainerSpec} initializer)
     *     changes; required with {@link #cache()}
     */
    String seedVersion() default "";
}
