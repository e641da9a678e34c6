package dev.berth.archcycleb;

/** Half of a deliberate package cycle ({@code archcyclea <-> archcycleb}) that {@code ArchitectureTest} must report. */
public final class CycleB {
    private CycleB() {
    }

    /** @return the other half's class */
    public static Object other() {
        return dev.berth.archcyclea.CycleA.class;
    }
}
