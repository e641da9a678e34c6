package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import org.junit.jupiter.api.Test;

class ImagePullTest extends WithEngine {
    static final String FIX = "\nCheck the name and tag, make the registry reachable (docker login for a private one),"
            + " or load the image from an archive with engine.images().load(path).";

    private static ImageRef unique(String registry) {
        return ImageRef.parse(registry + "/berth-test/" + TestImages.uniqueName() + ":1");
    }

    @Test
    void missingPullsAnImageOnlyTheRegistryHoldsThenUsesTheLocalCopy() throws Exception {
        ImageRef ref = TestImages.pushOnly(engine.docker(), unique("localhost:5000"));
        try {
            assertThat(engine.images().exists(ref)).isFalse();
            assertThat(engine.images().ensure(ref, PullPolicy.MISSING)).isEqualTo(ref);
            assertThat(engine.images().exists(ref)).isTrue();
            assertThat(engine.images().ensure(ref.toString())).isEqualTo(ref);
        } finally {
            TestImages.removeQuietly(engine.docker(), ref);
        }
    }

    @Test
    void pullsAReferencePinnedByDigest() throws Exception {
        ImageRef tagged = TestImages.pushOnly(engine.docker(), unique("localhost:5000"));
        ImageRef pinned;
        try {
            engine.images().pull(tagged);
            String repoDigest = engine.docker().inspectImageCmd(tagged.toString()).exec().getRepoDigests().stream()
                    .filter(d -> d.startsWith(tagged.name() + "@")).findFirst().orElseThrow();
            pinned = ImageRef.parse(repoDigest);
        } finally {
            TestImages.removeQuietly(engine.docker(), tagged);
        }
        assertThat(pinned.digest()).isPresent();
        try {
            assertThat(engine.images().exists(pinned)).isFalse();
            assertThat(engine.images().ensure(pinned, PullPolicy.MISSING)).isEqualTo(pinned);
            assertThat(engine.images().exists(pinned)).isTrue();
        } finally {
            TestImages.removeQuietly(engine.docker(), pinned);
        }
    }

    @Test
    void alwaysPullsAgainWhenTheImageIsPresent() throws Exception {
        ImageRef ref = TestImages.pushOnly(engine.docker(), unique("localhost:5000"));
        try {
            assertThat(engine.images().ensure(ref, PullPolicy.ALWAYS)).isEqualTo(ref);
            assertThat(engine.images().exists(ref)).isTrue();
            assertThat(engine.images().pull(ref)).isEqualTo(ref);
        } finally {
            assertThat(engine.images().remove(ref)).isTrue();
        }
        assertThat(engine.images().exists(ref)).isFalse();
        assertThat(engine.images().remove(ref)).isFalse();
    }

    @Test
    void alwaysFailsWhenTheRegistryIsUnreachableEvenWithALocalCopy() {
        ImageRef ref = TestImages.tagLocally(engine.docker(), unique("127.0.0.1:1"));
        try {
            ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                    () -> engine.images().ensure(ref, PullPolicy.ALWAYS));
            assertThat(e.reference()).isEqualTo(ref.toString());
            assertThat(e.attempts()).hasSize(1);
            assertThat(e.attempts().get(0)).startsWith("registry 127.0.0.1:1: ").contains("connection refused");
            assertThat(e).hasMessage("Image " + ref + " is not available. Tried:\n  - " + e.attempts().get(0) + FIX);
        } finally {
            TestImages.removeQuietly(engine.docker(), ref);
        }
    }

    @Test
    void neverUsesALocalImage() {
        ImageRef ref = TestImages.tagLocally(engine.docker(), unique("127.0.0.1:1"));
        try {
            assertThat(engine.images().ensure(ref, PullPolicy.NEVER)).isEqualTo(ref);
        } finally {
            TestImages.removeQuietly(engine.docker(), ref);
        }
    }

    @Test
    void neverFailsOnAMissingImageWithoutContactingTheRegistry() {
        ImageRef ref = unique("127.0.0.1:1");
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> engine.images().ensure(ref, PullPolicy.NEVER));
        assertThat(e).hasMessage("Image " + ref + " is not available. Tried:\n"
                + "  - local images: no " + ref + "\n"
                + "  - pull policy NEVER: no registry contacted" + FIX);
    }

    @Test
    void missingNamesTheLocalLookupAndTheRegistryError() {
        ImageRef ref = unique("localhost:5000");
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> engine.images().ensure(ref, PullPolicy.MISSING));
        assertThat(e).hasMessage("Image " + ref + " is not available. Tried:\n"
                + "  - local images: no " + ref + "\n"
                + "  - registry localhost:5000: manifest for " + ref + " not found: manifest unknown: manifest unknown"
                + FIX);
    }
}
