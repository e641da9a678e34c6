package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
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
        ImageService images = engine.images().withMirror("localhost:5000");
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
        String before = System.getProperty(ImageService.MIRROR_PROPERTY);
        System.setProperty(ImageService.MIRROR_PROPERTY, "localhost:5000");
        try (Engine own = Berth.connect()) {
            restore(before);
            assertThat(own.images().mirror()).isEqualTo("localhost:5000");
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
            System.clearProperty(ImageService.MIRROR_PROPERTY);
        } else {
            System.setProperty(ImageService.MIRROR_PROPERTY, before);
        }
    }

    @Test
    void leavesReferencesToOtherRegistriesAlone() {
        ImageService images = engine.images().withMirror("localhost:5000");
        ImageRef other = ImageRef.parse("127.0.0.1:1/x/y:1");
        assertThat(images.source(other)).isSameAs(other);
        assertThat(images.source(ImageRef.parse("docker.io/bitnami/redis:7")))
                .isEqualTo(ImageRef.parse("localhost:5000/bitnami/redis:7"));
        assertThat(engine.images().withMirror(null).source(ImageRef.parse("redis"))).isEqualTo(ImageRef.parse("redis"));
    }

    @Test
    void namesBothLocalLookupsAndTheMirrorWhenTheImageIsNowhere() {
        String name = TestImages.uniqueName();
        ImageService images = engine.images().withMirror("localhost:5000");
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
        assertThat(ImageService.mirrorSetting(Map.of("berth.registry.mirror", "a:1"),
                Map.of("BERTH_REGISTRY_MIRROR", "b:2"))).isEqualTo("a:1");
        assertThat(ImageService.mirrorSetting(Map.of(), Map.of("BERTH_REGISTRY_MIRROR", " b:2 "))).isEqualTo("b:2");
        assertThat(ImageService.mirrorSetting(Map.of("berth.registry.mirror", ""), Map.of())).isNull();
        assertThatThrownBy(() -> ImageService.mirrorSetting(Map.of(), Map.of("BERTH_REGISTRY_MIRROR", "x:1/y")))
                .hasMessage("Invalid registry mirror: \"x:1/y\". Allowed: host[:port] of a registry, no scheme or path."
                        + " Example: localhost:5000.");
    }

    @Test
    void rejectsAMirrorThatIsNotHostAndPort() {
        for (String bad : new String[] {"http://localhost:5000", "localhost:5000/path", "bad host"}) {
            assertThatThrownBy(() -> engine.images().withMirror(bad)).isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid registry mirror: \"" + bad + "\". Allowed: host[:port] of a registry, "
                            + "no scheme or path. Example: localhost:5000.");
        }
    }
}
