package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.berth.Berth;
import dev.berth.CachedImage;
import dev.berth.Engine;
import dev.berth.cli.fixtures.CachedSeedFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A suite seeds and keeps its snapshot; {@code berth cache save}; the snapshot is removed (a fresh runner);
 * {@code berth cache load}; the suite runs again and uses the loaded snapshot without seeding.
 */
class CachedSuiteTest {
    private static final String REF = "berth-snapshots/clicachedseed:";

    @Test
    void aLoadedSnapshotSparesTheNextRunItsSeed(@TempDir Path dir) {
        removeKept();
        try {
            run();
            assertThat(CachedSeedFixture.SEEDS).hasValue(1);
            assertThat(kept()).hasSize(1);

            Cli save = Cli.run("cache", "save", dir.toString(), "--filter", REF);
            assertThat(save.code()).as(save.err()).isZero();
            removeKept();
            assertThat(kept()).isEmpty();

            Cli load = Cli.run("cache", "load", dir.toString(), "--filter", REF);
            assertThat(load.code()).as(load.err()).isZero();
            assertThat(load.out()).endsWith("Loaded 1 image(s) from " + dir + "\n");
            assertThat(kept()).hasSize(1);

            run();
            assertThat(CachedSeedFixture.SEEDS).as("seeds after the load").hasValue(1);
        } finally {
            removeKept();
        }
    }

    private static void run() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(CachedSeedFixture.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    private static List<CachedImage> kept() {
        try (Engine engine = Berth.connect()) {
            return engine.imageCache().list(List.of()).stream().filter(i -> i.ref().startsWith(REF)).toList();
        }
    }

    private static void removeKept() {
        try (Engine engine = Berth.connect()) {
            engine.imageCache().list(List.of()).stream().filter(i -> i.ref().startsWith(REF))
                    .forEach(i -> engine.imageCache().remove(i));
        }
    }
}
