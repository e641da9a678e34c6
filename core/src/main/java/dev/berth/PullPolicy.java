package dev.berth;

/** When an image is pulled from its registry. */
public enum PullPolicy {
    /** Pull only when the image is not present locally (the default). */
    MISSING,
    /** Always pull, to pick up a moved tag. */
    ALWAYS,
    /** Never contact a registry; the image must be local or loadable from an archive. */
    NEVER
}
