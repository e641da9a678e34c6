package dev.berth.snapshot;

/** The target of a deliberate layering violation from {@code dev.berth.cleanup} (see {@code ArchitectureTest}). */
public final class BadSnapshotTarget {
}
