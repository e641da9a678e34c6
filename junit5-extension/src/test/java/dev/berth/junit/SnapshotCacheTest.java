package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.junit.fixtures.CacheFixture;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.SpecCacheFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @ResetPerTest(cache = true)}: the seeded snapshot is kept, reused by later runs, built once. */
class SnapshotCacheTest {
    private static final String REPOSITORY = "berth-snapshots/kitcache";

    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
        removeCached();
    }

    @AfterEach
    void close() {
        try {
            removeCached();
        } finally {
            kit.close();
        }
    }

    /** Removes the kept snapshot images of the fixture (they carry dev.berth.keep=true and outlive runs). */
    private void removeCached() {
        kit.probe().docker().listImagesCmd().exec().forEach(i -> {
            for (String tag : i.getRepoTags() == null ? new String[0] : i.getRepoTags()) {
                if (tag.startsWith(REPOSITORY + ":")) {
                    kit.probe().images().remove(ImageRef.parse(tag));
                }
            }
        });
    }

    @Test
    void aSecondRunReusesTheKeptSnapshotAndSkipsTheSeed() {
        Kit.Run first = kit.run(CacheFixture.class);
        first.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("cacheSeed")).hasSize(1);
        String image = Recorder.values("cacheImage").get(0);
        assertThat(image).startsWith(REPOSITORY + ":cache-");
        assertThat(kit.probe().images().exists(ImageRef.parse(image))).as("kept after the run").isTrue();
        Map<String, String> labels = kit.probe().docker().inspectImageCmd(image).exec().getConfig().getLabels();
        assertThat(labels).containsEntry("dev.berth.keep", "true");

        Kit.Run second = kit.run(CacheFixture.class);

        second.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("cacheSeed")).as("the seed did not run again").hasSize(1);
        assertThat(Recorder.values("cacheRows")).containsExactly("seeded", "seeded", "seeded", "seeded");
        assertThat(Recorder.values("cacheImage")).containsOnly(image);
        assertThat(second.createdImages()).as("no unseeded class container: every container is a copy of the cache")
                .isNotEmpty().containsOnly(image);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void twoConcurrentLaunchersBuildTheSnapshotOnce() {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Kit.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try (Kit own = new Kit()) {
                    go.await();
                    return own.run(CacheFixture.class);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (CompletableFuture<Kit.Run> run : runs) {
            run.join().results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        }
        assertThat(Recorder.values("cacheSeed")).as("one launcher seeded, the other reused").hasSize(1);
        assertThat(Recorder.values("cacheRows")).hasSize(4).containsOnly("seeded");
        assertThat(Recorder.values("cacheImage")).hasSize(4).containsOnly(Recorder.values("cacheImage").get(0));
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aChangedEnvOrARebuiltImageSeedsAnewInsteadOfReusingTheCachedSnapshot() {
        String tag = "berth-test/speccache-" + Kit.PID + ":1";
        var docker = kit.probe().docker();
        String busybox = kit.probe().images().id(ImageRef.parse(dev.berth.junit.fixtures.Images.BUSYBOX)).orElseThrow();
        ImageRef redis = kit.probe().images().ensure("localhost:5000/berth-fixtures/redis:7");
        String redisId = kit.probe().images().id(redis).orElseThrow();
        ContainerSpec before = SpecCacheFixture.spec;
        try {
            docker.tagImageCmd(busybox, "berth-test/speccache-" + Kit.PID, "1").withForce(true).exec();
            SpecCacheFixture.spec = ContainerSpec.of(tag).withCommand("sleep", "600").withEnv("MODE", "a");
            runSpecCache();
            runSpecCache();
            assertThat(Recorder.values("specCacheSeed")).as("the same spec and image reuse the snapshot").hasSize(1);

            SpecCacheFixture.spec = SpecCacheFixture.spec.withEnv("MODE", "b");
            runSpecCache();
            assertThat(Recorder.values("specCacheSeed")).as("a changed env seeds anew").hasSize(2);
            assertThat(Recorder.values("specCacheEnv")).containsExactly("a", "a", "b");

            docker.tagImageCmd(redisId, "berth-test/speccache-" + Kit.PID, "1").withForce(true).exec();
            runSpecCache();
            assertThat(Recorder.values("specCacheSeed")).as("the same tag on another image seeds anew").hasSize(3);
            assertThat(new java.util.HashSet<>(Recorder.values("specCacheImage"))).as("cached snapshots").hasSize(3);
        } finally {
            SpecCacheFixture.spec = before;
            removeTagged("berth-snapshots/speccache:");
            removeTagged(tag);
        }
    }

    private void runSpecCache() {
        Kit.Run run = kit.run(SpecCacheFixture.class);
        run.results().containerEvents().failed().stream().findFirst().ifPresent(e -> {
            throw new AssertionError("the fixture class failed", e.getPayload(
                    org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable()).orElse(null));
        });
        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    private void removeTagged(String prefix) {
        kit.probe().docker().listImagesCmd().exec().forEach(i -> {
            for (String t : i.getRepoTags() == null ? new String[0] : i.getRepoTags()) {
                if (t.startsWith(prefix)) {
                    kit.probe().docker().removeImageCmd(t).exec();
                }
            }
        });
    }
}
