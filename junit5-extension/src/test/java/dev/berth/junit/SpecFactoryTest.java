package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.PullPolicy;
import dev.berth.RunningContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Annotation to spec mapping, without an engine. */
class SpecFactoryTest {
    static class Holder {
        @Container(image = "busybox:1", ports = {8080, 9090}, env = {"A=1", "B=x=y"}, command = {"sleep", "1"},
                network = "backend", aliases = {"web", "www"}, dependsOn = "db")
        static RunningContainer web;

        @Container(image = "busybox:1")
        @Security(tmpfs = "/x")
        static RunningContainer tmpfsOnly;

        @Container(image = "busybox:1")
        @Security(readOnlyRootfs = true, tmpfs = "/x")
        static RunningContainer readOnly;

        @Container(startupTimeout = "5s", env = "EXTRA=1")
        static ContainerSpec fluent = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1").withEnv("A", "1")
                .withPullPolicy(PullPolicy.ALWAYS);
    }

    private static final BerthConfig CONFIG = new BerthConfig(Duration.ofSeconds(42), PullPolicy.NEVER,
            "127.0.0.1:5000", Path.of("target/berth"), false);

    private static Declaration declaration(String field) throws NoSuchFieldException {
        return Declaration.of(Holder.class.getDeclaredField(field));
    }

    @Test
    void annotationOnlyBuildsTheSameSpecAsTheFluentApi() throws Exception {
        ContainerSpec spec = SpecFactory.build(declaration("web"), null, CONFIG, Set.of("backend"),
                declared -> declared + "-engine");

        assertThat(spec.name()).hasValue("web");
        assertThat(spec.image()).hasToString("127.0.0.1:5000/library/busybox:1");
        assertThat(spec.exposedPorts()).containsExactly(8080, 9090);
        assertThat(spec.env()).isEqualTo(Map.of("A", "1", "B", "x=y"));
        assertThat(spec.command()).containsExactly("sleep", "1");
        assertThat(spec.networks()).singleElement().satisfies(n -> {
            assertThat(n.network()).isEqualTo("backend-engine");
            assertThat(n.aliases()).containsExactly("web", "www");
        });
        assertThat(spec.dependsOn()).containsExactly("db");
        assertThat(spec.startupTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(spec.pullPolicy()).isEqualTo(PullPolicy.NEVER);
    }

    @Test
    void aTmpfsAloneLeavesTheRootWritable() throws Exception {
        dev.berth.Security alone = SpecFactory.build(declaration("tmpfsOnly"), null, CONFIG, Set.of(), d -> d)
                .security();
        assertThat(alone.readOnlyRootfs()).isFalse();
        assertThat(alone.tmpfs()).isEqualTo(Map.of("/x", ""));
        dev.berth.Security readOnly = SpecFactory.build(declaration("readOnly"), null, CONFIG, Set.of(), d -> d)
                .security();
        assertThat(readOnly.readOnlyRootfs()).isTrue();
        assertThat(readOnly.tmpfs()).isEqualTo(Map.of("/x", ""));
    }

    @Test
    void annotationRefinesAnInitializerWithoutOverridingItsChoices() throws Exception {
        ContainerSpec spec = SpecFactory.build(declaration("fluent"), null, CONFIG, Set.of(), d -> d);

        assertThat(spec.name()).hasValue("fluent");
        assertThat(spec.image()).hasToString("localhost:5000/berth-fixtures/busybox:1");
        assertThat(spec.env()).isEqualTo(Map.of("A", "1", "EXTRA", "1"));
        assertThat(spec.startupTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.pullPolicy()).isEqualTo(PullPolicy.ALWAYS);
    }
}
