package dev.berth.cleanup;

/** Breaks the layering on purpose (cleanup reaching the later snapshot stage): {@code ArchitectureTest} reports it. */
final class BadCleanupReachesSnapshot {
    private BadCleanupReachesSnapshot() {
    }

    static Object reach() {
        return new dev.berth.snapshot.BadSnapshotTarget();
    }
}
