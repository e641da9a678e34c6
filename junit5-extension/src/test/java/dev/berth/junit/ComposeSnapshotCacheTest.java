package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.ComposeFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @ResetPerTest(cache = true)} on a compose service: the first launch seeds and keeps the snapshot, the
 * second reuses it (its {@code @BeforeAll} seed skipped, the same image), and a change to the service's
 * definition in the compose file seeds anew under another key.
 */
class ComposeSnapshotCacheTest {
    private static final Path FILE = Path.of("target/compose-cache/cache.yml");
    private static final String TAGS = "berth-snapshots/cachedstore:cache-";
    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
        removeCachedSnapshots();
    }

    @AfterEach
    void close() {
        try {
            removeCachedSnapshots();
            assertThat(kit.leftovers()).isEmpty();
        } finally {
            kit.close();
        }
    }

    @Test
    void theSecondLaunchReusesTheCachedSnapshotAndAChangedServiceSeedsAnew() throws Exception {
        write("a");
        Kit.Run first = kit.run(ComposeFixtures.Cached.class);
        first.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("seeded")).hasSize(1);
        assertThat(Recorder.values("rows")).containsExactly("seed-a", "seed-a");
        Map<String, String> afterFirst = cachedSnapshots();
        assertThat(afterFirst).hasSize(1);
        String tag = afterFirst.keySet().iterator().next();
        assertThat(Recorder.values("image")).containsOnly(tag);

        Recorder.clear();
        Kit.Run second = kit.run(ComposeFixtures.Cached.class);
        second.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("seeded")).as("the seed is skipped on a cache hit").isEmpty();
        assertThat(Recorder.values("rows")).as("the seeded state comes from the cached snapshot")
                .containsExactly("seed-a", "seed-a");
        assertThat(Recorder.values("image")).containsOnly(tag);
        assertThat(cachedSnapshots()).as("the same image, not a new one").isEqualTo(afterFirst);
        assertThat(first.created()).noneMatch(kit::exists);
        assertThat(second.created()).noneMatch(kit::exists);

        Recorder.clear();
        write("b");
        Kit.Run changed = kit.run(ComposeFixtures.Cached.class);
        changed.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("seeded")).as("a changed service definition is another key").hasSize(1);
        assertThat(Recorder.values("rows")).containsExactly("seed-b", "seed-b");
        Map<String, String> afterChange = cachedSnapshots();
        assertThat(afterChange).hasSize(2).containsAllEntriesOf(afterFirst);
        assertThat(Recorder.values("image")).containsOnly(afterChange.keySet().stream()
                .filter(t -> !t.equals(tag)).findFirst().orElseThrow());
    }

    private static void write(String flavour) throws Exception {
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, """
                # written by ComposeSnapshotCacheTest
                services:
                  cachedstore:
                    image: localhost:5000/berth-fixtures/busybox:1
                    command: sleep 600
                    environment:
                      FLAVOUR: %s
                  client:
                    image: localhost:5000/berth-fixtures/busybox:1
                    command: sleep 600
                    depends_on: [cachedstore]
                """.formatted(flavour));
    }

    /** @return the kept snapshots of the fixture's service: tag to image id */
    private Map<String, String> cachedSnapshots() {
        Map<String, String> out = new LinkedHashMap<>();
        kit.probe().docker().listImagesCmd().exec().forEach(i -> {
            for (String t : i.getRepoTags() == null ? new String[0] : i.getRepoTags()) {
                if (t.startsWith(TAGS)) {
                    out.put(t, i.getId());
                }
            }
        });
        return out;
    }

    private void removeCachedSnapshots() {
        List<String> tags = new ArrayList<>(cachedSnapshots().keySet());
        for (String t : tags) {
            kit.probe().docker().removeImageCmd(t).withForce(true).exec();
        }
    }
}
