package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Namespace options of a {@link Container} field, mapped onto {@link dev.berth.Namespaces}. Modes
 * use the docker CLI's words; {@code container:<name>} names another container of the class by
 * its logical name. Empty values keep the engine's defaults.
 *
 * <pre>{@code
 * @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "60"})
 * @WithNamespaces(ipc = "container:producer", hostname = "consumer", init = true)
 * static RunningContainer consumer;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface WithNamespaces {
    /** @return {@code bridge}, {@code none}, {@code host} or {@code container:<name>} ({@code --network}) */
    String network() default "";

    /** @return {@code private}, {@code shareable}, {@code none}, {@code host} or {@code container:<name>} ({@code --ipc}) */
    String ipc() default "";

    /** @return {@code host} or {@code container:<name>} ({@code --pid}) */
    String pid() default "";

    /** @return true to run an init process as PID 1 ({@code --init}) */
    boolean init() default false;

    /** @return the container's host name (UTS namespace) */
    String hostname() default "";

    /** @return the container's NIS domain name */
    String domainname() default "";

    /** @return true to share the host's UTS namespace ({@code --uts host}) */
    boolean hostUts() default false;

    /** @return user namespace mode ({@code --userns}), e.g. {@code "host"} */
    String userns() default "";

    /** @return cgroup namespace mode ({@code --cgroupns}), {@code "private"} or {@code "host"} */
    String cgroupns() default "";
}
