package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cgroup limits of a {@link Container} field, mapped onto {@link dev.berth.Limits}; on a
 * {@code ContainerSpec} field they refine the spec's own limits. Empty and zero values leave an option
 * unset. Units follow the docker CLI ({@code "512m"}, {@code "1g"}).
 *
 * <pre>{@code
 * @Container(image = "localhost:5000/berth-fixtures/redis:7")
 * @WithLimits(memory = "256m", cpus = "0.5", pids = 100)
 * static RunningContainer redis;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface WithLimits {
    /** @return memory limit ({@code --memory}), e.g. {@code "256m"} */
    String memory() default "";

    /** @return memory + swap ({@code --memory-swap}), e.g. {@code "512m"}, or {@code "-1"} for unlimited swap */
    String memorySwap() default "";

    /** @return soft memory limit ({@code --memory-reservation}) */
    String memoryReservation() default "";

    /** @return CPUs as a decimal ({@code --cpus}), e.g. {@code "0.5"} */
    String cpus() default "";

    /** @return relative CPU weight ({@code --cpu-shares}), 2 to 262144; 0 leaves it unset */
    int cpuShares() default 0;

    /** @return CPUs the container may use ({@code --cpuset-cpus}), e.g. {@code "0-1"} */
    String cpuset() default "";

    /** @return most processes ({@code --pids-limit}); 0 leaves it unset */
    long pids() default 0;

    /** @return block I/O weight ({@code --blkio-weight}), 10 to 1000; 0 leaves it unset */
    int blkioWeight() default 0;

    /** @return size of /dev/shm ({@code --shm-size}), e.g. {@code "64m"} */
    String shmSize() default "";

    /** @return ulimits as {@code "name=soft:hard"} or {@code "name=limit"}, e.g. {@code "nofile=1024:2048"} */
    String[] ulimits() default {};

    /** @return true to disable the OOM killer ({@code --oom-kill-disable}) */
    boolean oomKillDisabled() default false;
}
