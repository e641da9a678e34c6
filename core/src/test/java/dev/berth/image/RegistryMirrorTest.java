package dev.berth.image;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.EngineOptions;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.PullPolicy;
import dev.berth.RunningContainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest extends WithEngine {

    @Test
    void pullsADockerHubReferenceFromTheMirror() throws Exception {
        String name = TestImages.uniqueName();
        ImageRef onMirror = TestImages.pushOnly(engine.docker(), ImageRef.parse("localhost:5000/library/" + name + ":1"));
        ImageService images = Internals.images(engine).withMirror("localhost:5000");
        try {
            assertThat(images.mirror()).isEqualTo("localhost:5000");
            assertThat(images.ensure(name + ":1")).isEqualTo(onMirror);
            assertThat(images.exists(onMirror)).isTrue();
            // present now: NEVER finds the mirror copy without contacting anything
            assertThat(images.ensure(ImageRef.parse(name + ":1"), PullPolicy.NEVER)).isEqualTo(onMirror);
        } finally {
            TestImages.removeQuietly(engine.docker(), onMirror);
        }
    }

    @Test
    void berthConnectReadsThePropertyAndStartRunsTheMirroredImage() throws Exception {
        String name = TestImages.uniqueName();
        ImageRef onMirror = TestImages.pushOnly(engine.docker(), ImageRef.parse("localhost:5000/library/" + name + ":1"));
        String before = System.getProperty(EngineOptions.MIRROR_PROPERTY);
        System.setProperty(EngineOptions.MIRROR_PROPERTY, "localhost:5000");
        try (Engine own = Berth.connect()) {
            restore(before);
            assertThat(Internals.images(own).mirror()).isEqualTo("localhost:5000");
            try (RunningContainer c = own.start(ContainerSpec.of(name + ":1").withCommand("sleep", "30"))) {
                assertThat(own.docker().inspectContainerCmd(c.id()).exec().getConfig().getImage())
                        .isEqualTo(onMirror.toString());
            }
        } finally {
            restore(before);
            TestImages.removeQuietly(engine.docker(), onMirror);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(EngineOptions.MIRROR_PROPERTY);
        } else {
            System.setProperty(EngineOptions.MIRROR_PROPERTY, before);
        }
    }

    @Test
    void leavesReferencesToOtherRegistriesAlone() {
        ImageService images = Internals.images(engine).withMirror("localhost:5000");
        ImageRef other = ImageRef.parse("127.0.0.1:1/x/y:1");
        assertThat(images.source(other)).isSameAs(other);
        assertThat(images.source(ImageRef.parse("docker.io/bitnami/redis:7")))
                .isEqualTo(ImageRef.parse("localhost:5000/bitnami/redis:7"));
        assertThat(Internals.images(engine).withMirror(null).source(ImageRef.parse("redis"))).isEqualTo(ImageRef.parse("redis"));
    }

    @Test
    void namesBothLocalLookupsAndTheMirrorWhenTheImageIsNowhere() {
        String name = TestImages.uniqueName();
        ImageService images = Internals.images(engine).withMirror("localhost:5000");
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> images.ensure(name + ":1"));
        assertThat(e.attempts()).containsExactly(
                "local images: no " + name + ":1",
                "local images: no localhost:5000/library/" + name + ":1",
                "registry localhost:5000 (mirror of Docker Hub): manifest for localhost:5000/library/" + name
                        + ":1 not found: manifest unknown: manifest unknown");
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertThat(mirrorSetting(Map.of("berth.registry.mirror", "a:1"),
                Map.of("BERTH_REGISTRY_MIRROR", "b:2"))).contains("a:1");
        assertThat(mirrorSetting(Map.of(), Map.of("BERTH_REGISTRY_MIRROR", " b:2 "))).contains("b:2");
        assertThat(mirrorSetting(Map.of("berth.registry.mirror", ""), Map.of())).isEmpty();
        assertThatThrownBy(() -> mirrorSetting(Map.of(), Map.of("BERTH_REGISTRY_MIRROR", "x:1/y")))
                .hasMessage("Invalid registry mirror: \"x:1/y\". Allowed: host[:port] of a registry, no scheme or path."
                        + " Example: localhost:5000.");
    }

    private static java.util.Optional<String> mirrorSetting(Map<String, String> properties, Map<String, String> env) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(properties);
        return EngineOptions.from(p, env, java.nio.file.Path.of("/nonexistent")).registryMirror();
    }

    @Test
    void rejectsAMirrorThatIsNotHostAndPort() {
        for (String bad : new String[] {"http://localhost:5000", "localhost:5000/path", "bad host"}) {
            assertThatThrownBy(() -> Internals.images(engine).withMirror(bad)).isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid registry mirror: \"" + bad + "\". Allowed: host[:port] of a registry, "
                            + "no scheme or path. Example: localhost:5000.");
        }
    }
}
