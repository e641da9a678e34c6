package dev.berth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void closesNewestFirstAndAggregatesFailures() {
        List<String> closed = new ArrayList<>();
        Scope scope = new Scope("demo");
        scope.add(() -> closed.add("a"));
        scope.add(() -> {
            closed.add("b");
            throw new IllegalStateException("b broke");
        });
        scope.add(() -> closed.add("c"));

        assertThatThrownBy(scope::close)
                .isInstanceOf(BerthException.class)
                .hasMessage("Closing scope demo: 1 of 3 resource(s) failed to close; first: "
                        + "java.lang.IllegalStateException: b broke")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(closed).containsExactly("c", "b", "a");

        scope.close();
        assertThat(closed).hasSize(3);
    }

    @Test
    void addingToAClosedScopeClosesTheResource() {
        List<String> closed = new ArrayList<>();
        Scope scope = new Scope("done");
        scope.close();
        AutoCloseable late = () -> closed.add("late");
        assertThatThrownBy(() -> scope.add(late)).isInstanceOf(IllegalStateException.class);
        assertThat(closed).containsExactly("late");
    }

    @Test
    void releaseHandsResourcesBackWithoutClosingThem() {
        List<String> closed = new ArrayList<>();
        Scope scope = new Scope("kept");
        AutoCloseable kept = () -> closed.add("kept");
        scope.add(kept);
        assertThat(scope.release()).containsExactly(kept);
        scope.close();
        assertThat(closed).isEmpty();
    }
}
