package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Security options of a {@link Container} field, mapped onto {@link dev.berth.Security}. Empty and
 * false values keep the engine's defaults (or those of {@link #hardened()}). Each option does one thing
 * ({@code tmpfs} mounts tmpfs paths and leaves the root writable unless {@code readOnlyRootfs = true});
 * contradictions, such as {@code privileged} with {@code hardened} or capability options, fail the class
 * before any container exists.
 *
 * <pre>{@code
 * @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "60"})
 * @WithSecurity(hardened = true, capAdd = "NET_BIND_SERVICE")
 * static RunningContainer locked;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface WithSecurity {
    /** @return start from {@code Security.hardened()}: read-only rootfs with /tmp tmpfs, all capabilities dropped, no-new-privileges, user nobody */
    boolean hardened() default false;

    /** @return true for a read-only root filesystem ({@code --read-only}) */
    boolean readOnlyRootfs() default false;

    /**
     * @return tmpfs paths to mount ({@code --tmpfs PATH}), e.g. {@code "/run"}; alone they leave the root filesystem
     *     writable: add {@code readOnlyRootfs = true} for writable paths on a read-only root
     */
    String[] tmpfs() default {};

    /** @return capabilities to add ({@code --cap-add}), e.g. {@code "NET_ADMIN"} */
    String[] capAdd() default {};

    /** @return capabilities to drop ({@code --cap-drop}), e.g. {@code "ALL"} */
    String[] capDrop() default {};

    /** @return true for {@code --security-opt no-new-privileges} */
    boolean noNewPrivileges() default false;

    /** @return user[:group] to run as */
    String user() default "";

    /** @return true for {@code --privileged}; not with {@code hardened}, capabilities, seccomp or AppArmor profiles */
    boolean privileged() default false;

    /** @return {@code "unconfined"}, {@code "default"} or a profile file path */
    String seccomp() default "";

    /** @return an AppArmor profile name */
    String apparmor() default "";

    /** @return SELinux type label, e.g. {@code "container_t"} */
    String selinuxType() default "";

    /** @return SELinux level label, e.g. {@code "s0:c100,c200"} */
    String selinuxLevel() default "";

    /** @return true to disable SELinux labelling for the container ({@code label=disable}) */
    boolean selinuxDisabled() default false;
}
