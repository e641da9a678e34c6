package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a service of the class's {@link Compose} file into a {@code RunningContainer} field (static for
 * a class-scoped project, or instance) or parameter. With {@link ResetPerTest} on a static field, the
 * service is snapshotted once after {@code @BeforeAll} and every test gets a fresh copy; the others stay.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
public @interface ComposeService {
    /** @return the service name, as in the compose file */
    String value();
}
