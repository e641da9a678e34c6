package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Container} field live for the whole test run: started by the first class that
 * declares it, reused by every class declaring a shared container of the same name and image,
 * removed when the run ends. Shared containers may depend only on other shared containers and
 * cannot join a class's {@link WithNetwork}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface Shared {
}
