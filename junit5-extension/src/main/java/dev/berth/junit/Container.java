package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a container on a field of a {@link DockerTest} class. Two forms:
 * <ul>
 *   <li><b>annotation only</b>, on an uninitialized, non-final {@code RunningContainer} field: the
 *       attributes describe the container (at least {@link #image()}) and the extension assigns the
 *       started container to the field;</li>
 *   <li><b>field initializer</b>, on a {@code ContainerSpec} field built with the fluent API; the
 *       attributes given here refine it (an {@link #image()} must then equal the spec's).</li>
 * </ul>
 * A static field lives for the class (started before {@code @BeforeAll}, removed after
 * {@code @AfterAll}); an instance field lives for one test, or for the class under
 * {@code @TestInstance(PER_CLASS)}. Add {@link Shared} to keep it for the whole run.
 *
 * <p>Usable as a meta-annotation: a field carrying your own annotation that is annotated {@code @Container}
 * (and, say, {@code @WithLimits}) declares that container.
 *
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.FIELD)
 * @Container(image = "localhost:5000/berth-fixtures/redis:7", ports = 6379)
 * @WithLimits(memory = "64m")
 * @interface Redis { }
 *
 * @Redis static RunningContainer cache;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface Container {
    /** @return the image, e.g. {@code "localhost:5000/berth-fixtures/busybox:1"}; required without an initializer */
    String image() default "";

    /** @return the logical name (dependsOn, {@link Use}, container name prefix); the field name by default */
    String name() default "";

    /** @return container ports published on random host ports of 127.0.0.1 */
    int[] ports() default {};

    /** @return environment variables as {@code "NAME=value"} */
    String[] env() default {};

    /** @return the command replacing the image's CMD */
    String[] command() default {};

    /** @return the declared name of a {@link WithNetwork} of this class (or an enclosing one) to join */
    String network() default "";

    /** @return the names other containers on {@link #network()} reach this one by */
    String[] aliases() default {};

    /** @return logical names of containers that must be ready before this one starts */
    String[] dependsOn() default {};

    /** @return when the container is ready; by default as soon as it runs */
    WaitFor waitFor() default @WaitFor;

    /** @return the most time start + wait may take, e.g. {@code "30s"}, {@code "2m"}; {@code berth.startup-timeout} by default */
    String startupTimeout() default "";

    /**
     * @return a {@code docker save} archive ({@code .tar}, {@code .tar.gz}) loaded when the image is not in
     *     the engine, before any pull — for air-gapped CI; relative to the working directory, {@code ${name}}
     *     is replaced by the system property {@code name}. Unused when the image is present
     */
    String archive() default "";

    /**
     * @return false to never start this container ahead of the test that gets it. By default, when a test gets a
     *     fresh instance-scoped container (or a {@link ResetPerTest} copy), the next test's is created and started
     *     in the background and handed over when that test begins ({@code berth.prepare-ahead}, default 1); turn it
     *     off for a container whose behaviour depends on how long it has run. No effect on containers that live for
     *     the class or the run
     */
    boolean prepareAhead() default true;
}
