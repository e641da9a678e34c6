package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import dev.berth.RunningContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Annotation to spec mapping, without an engine. */
class SpecFactoryTest {
    static class Holder {
        @Container(image = "busybox:1", ports = {8080, 9090}, env = {"A=1", "B=x=y"}, command = {"sleep", "1"},
                network = "backend", aliases = {"web", "www"}, dependsOn = "db")
        static RunningContainer web;

        @Container(image = "busybox:1")
        @WithSecurity(tmpfs = "/x")
        static RunningContainer tmpfsOnly;

        @Container(image = "busybox:1")
        @WithSecurity(readOnlyRootfs = true, tmpfs = "/x")
        static RunningContainer readOnly;

        @Container(image = "busybox:1", startupTimeout = "0s")
        static RunningContainer zeroTimeout;

        @Container(startupTimeout = "5s", env = "EXTRA=1")
        static ContainerSpec fluent = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1").withEnv("A", "1")
                .withPullPolicy(PullPolicy.ALWAYS);
    }

    private static final BerthConfig CONFIG = new BerthConfig(Duration.ofSeconds(42), PullPolicy.NEVER,
            Optional.of("127.0.0.1:5000"), Path.of("target/berth"), false, Optional.empty(),
            Optional.empty(), 1);

    private static Declaration declaration(String field) throws NoSuchFieldException {
        return Declaration.of(Holder.class.getDeclaredField(field));
    }

    @Test
    void annotationOnlyBuildsTheSameSpecAsTheFluentApi() throws Exception {
        ContainerSpec spec = SpecFactory.build(declaration("web"), null, CONFIG, Set.of("backend"),
                declared -> declared + "-engine");

        assertThat(spec.name()).hasValue("web");
        // The image stays as declared even with a registry mirror: core pulls through the mirror for every caller.
        assertThat(spec.image()).isEqualTo(ImageRef.parse("busybox:1"));
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
        ContainerSpec fluent = ContainerSpec.of("busybox:1").withName("web").withExposedPorts(8080, 9090)
                .withEnv("A", "1").withEnv("B", "x=y").withCommand("sleep", "1")
                .withNetwork("backend-engine", "web", "www").withDependsOn("db")
                .withStartupTimeout(Duration.ofSeconds(42)).withPullPolicy(PullPolicy.NEVER);
        assertThat(spec.fingerprint()).isEqualTo(fluent.fingerprint());
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

    @Test
    void aZeroStartupTimeoutIsRejectedWithCoresDurationRule() {
        assertThatThrownBy(() -> SpecFactory.build(declaration("zeroTimeout"), null, CONFIG, Set.of(), d -> d))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@Container field " + Holder.class.getName() + ".zeroTimeout: Invalid startupTimeout:"
                        + " \"0s\". Allowed: a whole number above zero with ms, s, m, h or d. Example: \"90s\".");
    }
}
