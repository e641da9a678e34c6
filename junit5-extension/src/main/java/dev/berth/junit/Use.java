package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a Berth handle: on a field of type {@code RunningContainer}, {@code dev.berth.Network}
 * or {@code Engine} — or a typed handle with a {@code public static T of(RunningContainer)} factory, such
 * as the service modules' {@code PostgresContainer} — the extension assigns it; on a parameter, it names which container or network
 * is meant when there are several. Without a value, a parameter compiled with {@code -parameters}
 * is matched by its name, and otherwise by type alone.
 *
 * <pre>{@code
 * @Test void reads(@Use("cache") RunningContainer cache) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
public @interface Use {
    /** @return the logical container name or declared network name; empty to match by name or type */
    String value() default "";
}
