package dev.berth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the engine under test can do, for the engine-level classes that run on every engine
 * ({@code scripts/test-engines}). A test that needs an ability the engine lacks is skipped with the reason;
 * {@code RootlessEngineTest} asserts what Berth does instead on such an engine.
 */
public final class EngineAbilities {
    private EngineAbilities() {
    }

    /** @return true when the engine makes a cgroup per container (false: rootless Docker on cgroup v1) */
    public static boolean cgroupPerContainer(Engine engine) {
        return !"none".equals(engine.info().cgroupDriver());
    }

    /** Skips the calling test on an engine that applies no cgroup limit: Berth refuses the limits there. */
    public static void assumeCgroupLimits(Engine engine) {
        assumeTrue(cgroupPerContainer(engine), () -> engine.info().summary() + " applies no cgroup limit;"
                + " Berth refuses them before creating anything (RootlessEngineTest asserts that)");
    }
}
