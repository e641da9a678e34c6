package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a user-defined network for the annotated {@link DockerTest} class, created before its
 * containers and removed after them. Containers join it with {@code @Container(network = name)}
 * and reach each other by their aliases. The engine name gets a unique suffix per run, so parallel
 * classes never clash; the handle is injectable as {@link dev.berth.Network}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(WithNetworks.class)
public @interface WithNetwork {
    /** @return the declared name containers refer to, e.g. {@code "backend"} */
    String name();

    /** @return true to cut the network off from the outside; its containers still reach each other */
    boolean internal() default false;

    /** @return the network driver */
    String driver() default "bridge";
}
