package dev.berth;

/**
 * Namespace options of a container (network, PID, IPC, UTS, user, cgroup modes, init). Immutable.
 * <p>Placeholder: the full option set arrives with the cgroups/namespaces/security issue.
 */
public final class Namespaces {
    private static final Namespaces DEFAULTS = new Namespaces();

    private Namespaces() {
    }

    /** @return the engine's defaults: private namespaces, bridge networking */
    public static Namespaces defaults() {
        return DEFAULTS;
    }
}
