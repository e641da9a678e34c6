package dev.berth;

/**
 * Security options of a container (SELinux labels, capabilities, seccomp, read-only rootfs, user). Immutable.
 * <p>Placeholder: the full option set arrives with the cgroups/namespaces/security issue.
 */
public final class Security {
    private static final Security DEFAULTS = new Security();

    private Security() {
    }

    /** @return the engine's defaults */
    public static Security defaults() {
        return DEFAULTS;
    }
}
