package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartPlanTest {
    static ContainerSpec spec(String name, String... deps) {
        return ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1").withName(name).withDependsOn(deps);
    }

    @Test
    void twoNodeCycleIsNamed() {
        assertThatThrownBy(() -> StartPlan.check(List.of(spec("a", "b"), spec("b", "a"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid dependsOn: \"a -> b -> a\". Allowed: dependencies without a cycle."
                        + " Example: db <- app (app.withDependsOn(\"db\")).");
    }

    @Test
    void selfDependencyAndCycleBehindAnAcyclicPrefix() {
        assertThatThrownBy(() -> StartPlan.check(List.of(spec("solo", "solo"))))
                .hasMessageStartingWith("Invalid dependsOn: \"solo -> solo\".");
        assertThatThrownBy(() -> StartPlan.check(List.of(spec("x", "y"), spec("y", "z"), spec("z", "y"))))
                .hasMessageStartingWith("Invalid dependsOn: \"y -> z -> y\".");
    }

    @Test
    void diamondIsFine() {
        assertThat(StartPlan.check(List.of(spec("top", "l", "r"), spec("l", "base"), spec("r", "base"),
                spec("base")))).containsOnlyKeys("top", "l", "r", "base");
    }

    @Test
    void unknownDependencyOfAnUnnamedSpecNamesTheImage() {
        ContainerSpec unnamed = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1").withDependsOn("db");
        assertThatThrownBy(() -> StartPlan.check(List.of(unnamed)))
                .hasMessage("Invalid dependsOn of localhost:5000/berth-fixtures/busybox:1: \"db\". Allowed: the name"
                        + " of a spec started together with it, one of []. Example: withName(\"db\") on the spec it"
                        + " depends on.");
    }

    @Test
    void unknownNetworkChecksEachNetworkOnce() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        ContainerSpec a = spec("a").withNetwork("n1", "a");
        ContainerSpec b = spec("b").withNetwork("n1", "b").withNetwork("n2");
        assertThatThrownBy(() -> StartPlan.checkNetworks(List.of(a, b), n -> asked.add(n) && n.equals("n1")))
                .hasMessageStartingWith("Invalid network of b: \"n2\".");
        assertThat(asked).containsExactly("n1", "n2");
    }
}
