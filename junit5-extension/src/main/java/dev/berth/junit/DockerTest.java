package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with Berth: starts the containers declared with {@link Container} and the
 * networks declared with {@link WithNetwork}, injects their handles, and removes them afterwards.
 * Inherited by subclasses and usable as a meta-annotation.
 *
 * <pre>{@code
 * @DockerTest
 * class CacheTest {
 *     @Container(image = "localhost:5000/berth-fixtures/redis:7", ports = 6379)
 *     static RunningContainer redis;
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(BerthExtension.class)
public @interface DockerTest {
    /**
     * @return true to report the class as disabled (not failed) when no Docker engine answers; by
     *         default a missing engine fails the class with the engine error
     */
    boolean disabledWithoutDocker() default false;
}
