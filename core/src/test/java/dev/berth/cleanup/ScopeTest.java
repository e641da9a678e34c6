package dev.berth.cleanup;

import dev.berth.Scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import dev.berth.Scope.Phase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scope: teardown phases, reverse creation order, every close attempted, one aggregated failure. */
class ScopeTest {
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable res(String name) {
        return new AutoCloseable() {
            @Override
            public void close() {
                closed.add(name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private AutoCloseable failing(String name, String why) {
        return new AutoCloseable() {
            @Override
            public void close() {
                closed.add(name);
                throw new IllegalStateException(why);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void closesByPhaseThenNewestFirst() {
        Scope scope = new Scope("OrderTest");
        scope.add(res("volume"), Phase.VOLUMES);
        scope.add(res("net1"), Phase.NETWORKS);
        scope.add(res("c1"), Phase.CONTAINERS);
        scope.add(res("image"), Phase.IMAGES);
        scope.add(res("c2"), Phase.CONTAINERS);
        scope.add(res("jdbc"));
        scope.add(res("net2"), Phase.NETWORKS);
        scope.close();
        assertThat(closed).containsExactly("jdbc", "c2", "c1", "net2", "net1", "image", "volume");
    }

    @Test
    void attemptsEveryCloseAndReportsAllFailures() {
        Scope scope = new Scope("FailingTest");
        scope.add(failing("net", "network has active endpoints"), Phase.NETWORKS);
        scope.add(res("c1"), Phase.CONTAINERS);
        scope.add(failing("image", "image is being used by running container 0123"), Phase.IMAGES);
        scope.add(res("volume"), Phase.VOLUMES);
        assertThatThrownBy(scope::close).isInstanceOf(BerthException.class).hasMessage("""
                Teardown of scope FailingTest failed in 2 of 4 step(s); every other step was attempted:
                  - close net: network has active endpoints
                  - close image: image is being used by running container 0123
                Free what still uses these resources, then remove the leftovers with 'scripts/sweep --remove'\
                 (it lists them first without --remove).""")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2)
                        .allSatisfy(s -> assertThat(s).isInstanceOf(IllegalStateException.class)));
        assertThat(closed).containsExactly("c1", "net", "image", "volume");
    }

    @Test
    void closingTwiceIsHarmlessAndAddingAfterCloseIsRefused() {
        Scope scope = new Scope("Twice");
        scope.add(res("c1"), Phase.CONTAINERS);
        scope.close();
        scope.close();
        assertThat(closed).containsExactly("c1");
        assertThatThrownBy(() -> scope.add(res("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Scope Twice is already closed; late would never be cleaned up."
                        + " Add resources before closing the scope, or open a new one.");
    }
}
