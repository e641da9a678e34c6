package dev.berth;

/**
 * A bind mount of a host path, or a named volume, into a container.
 *
 * @param source host path (bind) or volume name
 * @param target absolute path in the container
 * @param readOnly mount read-only
 * @param relabel SELinux relabel: {@code NONE}, {@code SHARED} ({@code :z}) or {@code PRIVATE} ({@code :Z})
 * @param volume true for a named volume, false for a bind mount
 */
public record Mount(String source, String target, boolean readOnly, Relabel relabel, boolean volume) {
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
     * @param volumeName a named volume; created (with Berth's labels, removed with the session) if missing
     * @param target absolute path in the container
     * @return a read-write volume mount
     */
    public static Mount volume(String volumeName, String target) {
        return new Mount(volumeName, target, false, Relabel.NONE, true);
    }

    /** @return a read-only copy */
    public Mount readOnlyMount() {
        return new Mount(source, target, true, relabel, volume);
    }

    /**
     * @param relabel SELinux relabel ({@code :z} shared, {@code :Z} private)
     * @return the changed copy
     */
    public Mount withRelabel(Relabel relabel) {
        return new Mount(source, target, readOnly, relabel, volume);
    }

    /** @return the docker CLI form, e.g. {@code /src:/data:ro,Z} */
    public String cliForm() {
        StringBuilder b = new StringBuilder(source).append(':').append(target);
        String opts = (readOnly ? "ro" : "") + (relabel == Relabel.NONE ? ""
                : (readOnly ? "," : "") + (relabel == Relabel.SHARED ? "z" : "Z"));
        return opts.isEmpty() ? b.toString() : b.append(':').append(opts).toString();
    }
}
