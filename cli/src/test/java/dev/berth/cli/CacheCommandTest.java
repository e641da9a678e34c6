package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Fixtures;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.Snapshot;
import dev.berth.SnapshotOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth cache save}, then the image removed, then {@code berth cache load}: the kept snapshot comes back with
 * the same id and a fresh container starts from it without seeding. Uses a test-unique kept snapshot, never the fixtures.
 */
class CacheCommandTest {
    @Test
    void saveRemoveLoadRestoresAKeptSnapshotThatStartsWithoutSeeding(@TempDir Path dir) throws Exception {
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ImageRef tag = ImageRef.parse("berth-snapshots/cli-cache-test:cache-" + key);
        String id;
        ContainerSpec source = ContainerSpec.of(Fixtures.BUSYBOX).withCommand("sleep", "600");
        try (Engine engine = Berth.connect(); RunningContainer seeded = engine.start(source)) {
            seeded.exec("sh", "-c", "echo seeded-" + key + " > /seed");
            Snapshot kept = engine.snapshot(seeded, SnapshotOptions.defaults().withKeep(true).withTag(tag));
            id = kept.imageId();
        }
        try {
            Cli list = Cli.run("cache", "list", "--filter", key);
            assertThat(list.out()).containsPattern("(?m)^berth-snapshots/cli-cache-test:cache-" + key + " +"
                    + id.substring(7, 19) + " +[0-9.]+ [KM]iB +\\S+ " + key + " kept snapshot$");

            Cli save = Cli.run("cache", "save", dir.toString(), "--filter", key);
            assertThat(save.code()).as(save.err()).isZero();
            assertThat(save.out()).containsPattern("(?m)^save " + tag + ": [0-9.]+ [KM]iB in [0-9.]+ s$");
            assertThat(dir.resolve(id.substring(7, 19) + ".tar")).isNotEmptyFile();
            assertThat(Files.readString(dir.resolve("berth-cache.tsv"))).contains(id + "\t" + tag + "\t");
            assertThat(Cli.run("cache", "save", dir.toString(), "--filter", key).out()).contains("skip " + tag + ": already in " + dir);

            try (Engine engine = Berth.connect()) {
                engine.docker().removeImageCmd(id).withForce(true).exec();
                assertThat(engine.imageCache().has(id)).isFalse();
            }

            Cli load = Cli.run("cache", "load", dir.toString(), "--filter", key);
            assertThat(load.code()).as(load.err()).isZero();
            assertThat(load.out()).containsPattern("(?m)^load " + tag + ": [0-9.]+ [KM]iB in [0-9.]+ s$");
            assertThat(Cli.run("cache", "load", dir.toString(), "--filter", key).out()).contains("skip " + tag + ": the engine has it");

            try (Engine engine = Berth.connect()) {
                assertThat(engine.imageCache().has(id)).isTrue();
                Optional<Snapshot> cached = engine.openSnapshot(tag, source);
                assertThat(cached).isPresent();
                try (RunningContainer fresh = engine.start(cached.get().spec())) {
                    assertThat(fresh.exec("cat", "/seed").stdout()).isEqualTo("seeded-" + key + "\n");
                }
            }
        } finally {
            try (Engine engine = Berth.connect()) {
                engine.docker().removeImageCmd(id).withForce(true).exec();
            } catch (RuntimeException gone) {
                // already removed
            }
        }
    }
}
