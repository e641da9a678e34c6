package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * After the class, saves a {@link Container}'s image to a {@code docker save} archive, e.g. for a CI
 * cache: the snapshot of a {@link ResetPerTest} container (the seeded state), else the image the
 * container runs. Missing parent directories are created. Load it in the next run with
 * {@code @Container(archive = ...)} or {@code docker load}.
 *
 * <pre>{@code
 * @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "600"})
 * @ResetPerTest
 * @SaveImage("target/berth-cache/seeded.tar")
 * static RunningContainer box;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface SaveImage {
    /**
     * @return the archive to write, ending in {@code .tar}, {@code .tar.gz} or {@code .tgz}; relative to the
     *     working directory; {@code ${name}} is replaced by the system property {@code name}
     */
    String value();
}
