package dev.berth;

/**
 * Cgroup resource limits of a container (memory, CPU, pids, I/O, ulimits, shm). Immutable.
 * <p>Placeholder: the full option set arrives with the cgroups/namespaces/security issue.
 */
public final class Limits {
    private static final Limits NONE = new Limits();

    private Limits() {
    }

    /** @return no limits: the engine's defaults */
    public static Limits none() {
        return NONE;
    }
}
