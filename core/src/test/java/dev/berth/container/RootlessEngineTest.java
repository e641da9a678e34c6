package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.berth.EngineAbilities;
import dev.berth.EngineInfo;
import dev.berth.InvalidSpecException;
import dev.berth.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On an engine that makes no cgroup per container (rootless Docker on cgroup v1, cgroup driver {@code none}),
 * every cgroup limit is refused with Berth's text before anything is created, never run without it. Runs in
 * the rootless pass of {@code scripts/test-engines}; skipped on engines that apply the limits
 * ({@link CgroupLimitsEngineTest} covers those). The snapshot classes cover the capture without a pause there.
 */
class RootlessEngineTest extends EngineTestSupport {
    @BeforeEach
    void onlyWithoutCgroups() {
        assumeFalse(EngineAbilities.cgroupPerContainer(engine), () -> engine.info().summary()
                + " makes a cgroup per container");
    }

    @Test
    void everyCgroupLimitIsRefusedNamingTheEngineAndNothingIsCreated() {
        EngineInfo i = engine.info();
        String engineName = (i.security().rootless() ? "rootless " : "") + i.product() + " " + i.serverVersion()
                + " (cgroup v" + i.cgroupVersion() + ", cgroup driver none)";
        List<Refused> cases = List.of(new Refused("memory", "\"64m\"", Limits.memory("64m")),
                new Refused("memory reservation", "\"32m\"", Limits.none().memoryReservation("32m")),
                new Refused("cpus", "0.5", Limits.none().cpus(0.5)),
                new Refused("cpu shares", "512", Limits.none().cpuShares(512)),
                new Refused("cpuset cpus", "\"0\"", Limits.none().cpuset("0")),
                new Refused("pids limit", "100", Limits.none().pids(100)),
                new Refused("blkio weight", "100", Limits.none().blkioWeight(100)));
        for (Refused r : cases) {
            assertThatThrownBy(() -> engine.start(Shell.idle().withLimits(r.limits())))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid " + r.option() + ": " + r.value() + ". Allowed: no " + r.option()
                            + " limit on " + engineName + ": the engine reports that it cannot apply it (no cgroup "
                            + "controller delegated to it, as with rootless Docker on cgroup v1) and would run the "
                            + "container without it; use a rootful engine or cgroup v2 with delegation for this "
                            + "test. Example: Limits.none() on this engine.");
        }
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.berth.session", engine.session().id())).exec()).isEmpty();
    }

    /** @param value as the error shows it: quoted when the user wrote a string */
    private record Refused(String option, String value, Limits limits) {
    }
}
