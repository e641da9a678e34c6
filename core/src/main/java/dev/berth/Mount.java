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

    /** Validates. */
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
}
