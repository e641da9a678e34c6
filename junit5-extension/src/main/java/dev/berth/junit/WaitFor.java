package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When a {@link Container} is ready. Set at most one of {@link #log()}, {@link #port()} and
 * {@link #http()}; none means ready as soon as it runs ({@code Wait.none()}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface WaitFor {
    /** @return a regular expression a log line must match ({@code Wait.forLogMessage(log, times)}) */
    String log() default "";

    /** @return how many log lines must match {@link #log()} */
    int times() default 1;

    /** @return true to wait until every published port accepts connections ({@code Wait.forListeningPort()}) */
    boolean port() default false;

    /** @return a path answered with 2xx on the first published port ({@code Wait.forHttp(path)}) */
    String http() default "";
}
