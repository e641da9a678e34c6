package dev.berth.snapshot;

import dev.berth.Layer;
import dev.berth.SnapshotOptions;
import dev.berth.Snapshot;
import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busybox container's changes outside volumes survive snapshot, save, load and push. */
class BusyboxSnapshotTest {
    private static final ContainerSpec WRITER = ContainerSpec.of(Docker.BUSYBOX).withName("writer")
            .withCommand("sh", "-c", "echo seeded-$((6*7)) > /marker && exec sleep 3600");

    private Engine engine;

    @BeforeEach
    void connect() {
        engine = Berth.connect();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private RunningContainer startWriter() throws InterruptedException {
        RunningContainer c = engine.start(WRITER);
        for (int i = 0; i < 100; i++) {
            try {
                Docker.exec(engine.docker(), c.id(), "test", "-s", "/marker");
                return c;
            } catch (AssertionError notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the writer never wrote /marker");
    }

    @Test
    void restoredContainerSeesTheFileAndHistoryHasOneMoreLayerWithTheComment() throws Exception {
        try (RunningContainer writer = startWriter();
             Snapshot snapshot = engine.snapshot(writer, SnapshotOptions.defaults().withComment("marker written"))) {
            assertThat(snapshot.image().toString()).matches("berth-snapshots/writer:[0-9a-f]{12}");
            assertThat(snapshot.volumePaths()).isEmpty();
            assertThat(snapshot.spec().image()).isEqualTo(snapshot.image());
            assertThat(snapshot.spec().command()).isEqualTo(WRITER.command());

            try (RunningContainer restored = engine.start(snapshot.spec())) {
                assertThat(Docker.exec(engine.docker(), restored.id(), "cat", "/marker")).isEqualTo("seeded-42\n");
            }

            List<Layer> base = engine.history(ImageRef.parse(Docker.BUSYBOX));
            List<Layer> layers = engine.history(snapshot.image());
            assertThat(layers).hasSize(base.size() + 1);
            assertThat(layers.get(0).comment()).isEqualTo("marker written");
            assertThat(layers.get(0).id()).isEqualTo(snapshot.imageId());
            assertThat(layers.get(0).tags()).contains(snapshot.image().toString());
            assertThat(layers.get(0).size()).isPositive();
            assertThat(layers.subList(1, layers.size())).isEqualTo(base);

            Map<String, String> labels = engine.docker().inspectImageCmd(snapshot.imageId()).exec().getConfig().getLabels();
            assertThat(labels).containsEntry(Session.LABEL_SESSION, Internals.ledger(engine).id())
                    .containsEntry(Snapshotter.LABEL_SOURCE, writer.name())
                    .doesNotContainKey(Session.LABEL_KEEP);
            assertThat(Internals.ledger(engine).heldNewestFirst()).anyMatch(r -> r.kind() == Session.Kind.IMAGE
                    && r.id().equals(snapshot.imageId()));
        }
    }

    @Test
    void closingASnapshotRemovesItsImageAndSessionCloseRemovesTheRest() throws Exception {
        String closedId;
        String leftId;
        try (RunningContainer writer = startWriter()) {
            Snapshot closed = engine.snapshot(writer);
            closedId = closed.imageId();
            try (RunningContainer restored = engine.start(closed.spec())) {
                assertThatThrownBy(closed::close).isInstanceOf(dev.berth.BerthException.class)
                        .hasMessage("Cannot remove snapshot image " + closed.image() + ": a container started from it"
                                + " still exists. Close the containers started from the snapshot first.");
                assertThat(restored.id()).isNotEmpty();
            }
            closed.close();
            closed.close();
            assertThat(Docker.imageExists(engine.docker(), closedId)).isFalse();
            leftId = engine.snapshot(writer).imageId();
        }
        engine.close();
        try (Engine other = Berth.connect()) {
            assertThat(Docker.imageExists(other.docker(), leftId)).isFalse();
        }
        engine = Berth.connect();
    }

    @Test
    void keptSnapshotCarriesTheKeepLabelAndOutlivesTheSession() throws Exception {
        String keptId;
        try (RunningContainer writer = startWriter()) {
            Snapshot kept = engine.snapshot(writer, SnapshotOptions.defaults().withKeep(true));
            keptId = kept.imageId();
            assertThat(kept.kept()).isTrue();
            assertThat(engine.docker().inspectImageCmd(keptId).exec().getConfig().getLabels())
                    .containsEntry(Session.LABEL_KEEP, "true");
            assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.id().equals(keptId));
            kept.close();
            assertThat(Docker.imageExists(engine.docker(), keptId)).isTrue();
        }
        engine.close();
        try (Engine other = Berth.connect()) {
            try {
                assertThat(Docker.imageExists(other.docker(), keptId)).isTrue();
            } finally {
                Docker.removeImageQuietly(other.docker(), keptId);
            }
        }
        engine = Berth.connect();
    }

    @Test
    void savedToTarGzRemovedAndLoadedBackStillHasTheFile(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("snapshot.tar.gz");
        try (RunningContainer writer = startWriter();
             Snapshot snapshot = engine.snapshot(writer)) {
            var saved = engine.save(archive, snapshot.image());
            assertThat(saved.path()).isEqualTo(archive);
            assertThat(saved.bytes()).isPositive();
            assertThat(Files.size(archive)).isPositive().isLessThan(saved.bytes());
            assertThat(dir.toFile().list()).containsExactly("snapshot.tar.gz");

            Docker.removeImageQuietly(engine.docker(), snapshot.imageId());
            assertThat(Docker.imageExists(engine.docker(), snapshot.image().toString())).isFalse();

            assertThat(engine.images().load(archive)).containsExactly(snapshot.image().toString());
            assertThat(engine.docker().inspectImageCmd(snapshot.image().toString()).exec().getId())
                    .isEqualTo(snapshot.imageId());
            try (RunningContainer restored = engine.start(snapshot.spec())) {
                assertThat(Docker.exec(engine.docker(), restored.id(), "cat", "/marker")).isEqualTo("seeded-42\n");
            }
        }
    }

    @Test
    void pushedToTheLoopbackRegistryRemovedAndPulledBackRuns() throws Exception {
        try (RunningContainer writer = startWriter();
             Snapshot snapshot = engine.snapshot(writer)) {
            if (engine.info().security().rootless()) { // rootlesskit's own loopback: Berth names the cause and the fix
                dev.berth.EngineInfo i = engine.info();
                assertThatThrownBy(() -> engine.push(snapshot.image(), "localhost:5000"))
                        .hasMessageStartingWith("Cannot push " + snapshot.image() + " to registry localhost:5000: ")
                        .hasMessageEndingWith("; rootless " + i.product() + " " + i.serverVersion() + " (cgroup v"
                                + i.cgroupVersion() + ", cgroup driver " + i.cgroupDriver() + ") runs in rootlesskit's"
                                + " network namespace, where localhost is not this machine's loopback, so it cannot"
                                + " reach a registry on this machine's loopback: load the image from an archive with"
                                + " engine.images().load(path), or serve the registry on an address the engine"
                                + " reaches.");
                return;
            }
            ImageRef pushed = engine.push(snapshot.image(), "localhost:5000");
            assertThat(pushed.toString()).isEqualTo("localhost:5000/" + snapshot.image());
            assertThat(Docker.imageExists(engine.docker(), pushed.toString())).isFalse();

            Docker.removeImageQuietly(engine.docker(), snapshot.imageId());
            engine.docker().pullImageCmd(pushed.name()).withTag(pushed.tag().orElseThrow())
                    .exec(new com.github.dockerjava.api.command.PullImageResultCallback()).awaitCompletion();
            try {
                assertThat(engine.docker().inspectImageCmd(pushed.toString()).exec().getId()).isEqualTo(snapshot.imageId());
                try (RunningContainer restored = engine.start(snapshot.sourceSpec().withImage(pushed))) {
                    assertThat(Docker.exec(engine.docker(), restored.id(), "cat", "/marker")).isEqualTo("seeded-42\n");
                }
            } finally {
                Docker.removeImageQuietly(engine.docker(), snapshot.imageId());
            }
        }
    }
}
