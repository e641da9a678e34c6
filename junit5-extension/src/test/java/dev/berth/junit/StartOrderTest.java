package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOrderTest {
    private static Starter.Pending pending(String name, String... dependsOn) {
        return new Starter.Pending(name, ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1").withName(name)
                .withDependsOn(dependsOn));
    }

    @Test
    void dependenciesComeFirstOtherwiseDeclarationOrder() {
        List<Starter.Pending> sorted = StartOrder.sort(List.of(pending("app", "db", "cache"), pending("db"),
                pending("cache", "db"), pending("other", "outside")));
        assertThat(sorted).extracting(Starter.Pending::name).containsExactly("db", "cache", "app", "other");
    }

    @Test
    void findsAndNamesACycle() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        graph.put("ok", List.of());
        graph.put("app", List.of("cache"));
        graph.put("cache", List.of("db"));
        graph.put("db", List.of("app"));
        assertThat(StartOrder.findCycle(graph)).containsExactly("app", "cache", "db", "app");
        assertThat(StartOrder.findCycle(Map.of("a", List.of("a")))).containsExactly("a", "a");
        assertThat(StartOrder.findCycle(Map.of("a", List.of("b"), "b", List.of()))).isEmpty();
    }

    @Test
    void sortRejectsACycle() {
        assertThatThrownBy(() -> StartOrder.sort(List.of(pending("a", "b"), pending("b", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dependsOn cycle: a -> b -> a");
    }
}
