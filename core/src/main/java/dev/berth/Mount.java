package dev.berth;

/**
 * A bind mount of a host path, or a named volume, into a container.
 *
 * <p>Volumes come in three kinds, chosen by the factory: {@link #volume} (Berth's own, per session,
 * removed with the last container that uses it), {@link #existingVolume} (one the engine already has,
 * used by its exact name, never created or removed) and {@link #persistentVolume} (exact name, created
 * if missing, kept across runs).
 *
 * @param source host path (bind) or volume name as declared
 * @param target absolute path in the container
 * @param readOnly mount read-only
 * @param relabel SELinux relabel: {@code NONE}, {@code SHARED} ({@code :z}) or {@code PRIVATE} ({@code :Z})
 * @param volume true for a named volume, false for a bind mount
 * @param ownership who creates and removes the volume (a bind mount's host path is {@code EXISTING})
 */
public record Mount(String source, String target, boolean readOnly, Relabel relabel, boolean volume,
                    Ownership ownership) {
    /** Who creates and removes a mount's source. */
    public enum Ownership {
        /**
         * Berth's own volume: created under a per-session engine name {@code berth-<name>-<session 8>}
         * (the container sees the same target path), shared by the session's containers that name it,
         * and removed with the last of them — with the scope (test, class) that declared it.
         */
        SCOPED,
        /** Exists already (a volume, or a bind mount's host path): used as is, never created or removed. */
        EXISTING,
        /** A volume under its exact name, created if missing (without session labels), never removed by Berth. */
        PERSISTENT
    }

    /**
     * A mount whose ownership follows from its kind: a volume is {@link Ownership#SCOPED}, a bind mount
     * {@link Ownership#EXISTING}.
     *
     * @param source host path (bind) or volume name
     * @param target absolute path in the container
     * @param readOnly mount read-only
     * @param relabel SELinux relabel
     * @param volume true for a named volume, false for a bind mount
     */
    public Mount(String source, String target, boolean readOnly, Relabel relabel, boolean volume) {
        this(source, target, readOnly, relabel, volume, volume ? Ownership.SCOPED : Ownership.EXISTING);
    }

    /** SELinux relabelling of a bind mount. */
    public enum Relabel {
        /** no relabel */
        NONE,
        /** {@code :z}: content shared between containers */
        SHARED,
        /** {@code :Z}: content private to this container */
        PRIVATE
    }

    /**
     * Validates.
     * @param source host path (bind) or volume name
     * @param target absolute path in the container
     * @param readOnly mount read-only
     * @param relabel SELinux relabel: {@code NONE}, {@code SHARED} ({@code :z}) or {@code PRIVATE} ({@code :Z})
     * @param volume true for a named volume, false for a bind mount
     * @param ownership who creates and removes the volume (a bind mount's host path is {@code EXISTING})
     */
    public Mount {
        if (target == null || !target.startsWith("/")) {
            throw new InvalidSpecException("mount target", String.valueOf(target), "an absolute path in the container",
                    "\"/data\"");
        }
        if (source == null || source.isBlank()) {
            throw new InvalidSpecException("mount source", String.valueOf(source),
                    "a host path (bind mount) or a volume name", "\"/srv/fixtures\"");
        }
        if (relabel == null) {
            relabel = Relabel.NONE;
        }
        if (ownership == null || !volume && ownership != Ownership.EXISTING) {
            throw new InvalidSpecException("mount ownership", String.valueOf(ownership),
                    "SCOPED, EXISTING or PERSISTENT for a volume, EXISTING for a bind mount",
                    "Mount.persistentVolume(\"cache\", \"/cache\")");
        }
    }

    /**
     * @param hostPath an existing host path
     * @param target absolute path in the container
     * @return a read-write bind mount without SELinux relabel
     */
    public static Mount bind(String hostPath, String target) {
        return new Mount(hostPath, target, false, Relabel.NONE, false);
    }

    /**
     * Berth's own volume for this session: the engine name is {@code berth-<volumeName>-<session 8>}, so
     * parallel JVMs and engines never share or clobber it; the containers of one session that name the
     * same volume share it; it is removed with the last container that uses it (so with the test or class
     * that declared it), and at the latest when the session closes. The container sees {@code target}.
     *
     * @param volumeName the volume's name in this session
     * @param target absolute path in the container
     * @return a read-write volume mount
     * @see #existingVolume
     * @see #persistentVolume
     */
    public static Mount volume(String volumeName, String target) {
        return new Mount(volumeName, target, false, Relabel.NONE, true, Ownership.SCOPED);
    }

    /**
     * A volume the engine already has, mounted by its exact name (e.g. made with {@code docker volume
     * create}). Berth neither creates nor removes it; a missing one fails the start before the container
     * is created.
     *
     * @param volumeName the engine's volume name
     * @param target absolute path in the container
     * @return a read-write volume mount
     */
    public static Mount existingVolume(String volumeName, String target) {
        return new Mount(volumeName, target, false, Relabel.NONE, true, Ownership.EXISTING);
    }

    /**
     * A volume under its exact name that outlives the run: created if missing (without Berth's session
     * labels, so no sweep removes it), shared with every JVM on the engine, never removed by Berth.
     * Remove it with {@code docker volume rm <name>}.
     *
     * @param volumeName the engine's volume name
     * @param target absolute path in the container
     * @return a read-write volume mount
     */
    public static Mount persistentVolume(String volumeName, String target) {
        return new Mount(volumeName, target, false, Relabel.NONE, true, Ownership.PERSISTENT);
    }

    /** @return a read-only copy */
    public Mount readOnlyMount() {
        return new Mount(source, target, true, relabel, volume, ownership);
    }

    /**
     * @param relabel SELinux relabel ({@code :z} shared, {@code :Z} private)
     * @return the changed copy
     */
    public Mount withRelabel(Relabel relabel) {
        return new Mount(source, target, readOnly, relabel, volume, ownership);
    }

    /** @return the docker CLI form, e.g. {@code /src:/data:ro,Z} */
    public String cliForm() {
        StringBuilder b = new StringBuilder(source).append(':').append(target);
        String opts = (readOnly ? "ro" : "") + (relabel == Relabel.NONE ? ""
                : (readOnly ? "," : "") + (relabel == Relabel.SHARED ? "z" : "Z"));
        return opts.isEmpty() ? b.toString() : b.append(':').append(opts).toString();
    }
}
