package dev.berth.archcyclea;

/** Half of a deliberate package cycle ({@code archcyclea <-> archcycleb}) that {@code ArchitectureTest} must report. */
public final class CycleA {
    private CycleA() {
    }

    /** @return the other half */
    public static Object other() {
        return dev.berth.archcycleb.CycleB.other();
    }
}
