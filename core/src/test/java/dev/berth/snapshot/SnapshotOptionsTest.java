package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options, restore spec and path helpers: pure logic, no engine. */
class SnapshotOptionsTest {
    @Test
    void defaultsPauseCaptureVolumesRestoreIntoTmpfsAndDoNotKeep() {
        SnapshotOptions o = SnapshotOptions.defaults();
        assertThat(o.pause()).isTrue();
        assertThat(o.captureVolumes()).isTrue();
        assertThat(o.tmpfsRestore()).isTrue();
        assertThat(o.keep()).isFalse();
        assertThat(o.comment()).isEmpty();
        assertThat(o.prepareCommand()).isEmpty();
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        SnapshotOptions o = SnapshotOptions.defaults().withKeep(true).withPause(false).withCaptureVolumes(false)
                .withTmpfsRestore(false).withComment("seeded").withPrepareCommand("sync");
        assertThat(o.toString()).isEqualTo("SnapshotOptions[pause=false, keep=true, captureVolumes=false,"
                + " tmpfsRestore=false, comment=seeded, prepare=[sync]]");
        assertThat(SnapshotOptions.defaults().toString()).isEqualTo("SnapshotOptions[pause=true, keep=false,"
                + " captureVolumes=true, tmpfsRestore=true]");
    }

    @Test
    void blankOrMultiLineCommentsAndEmptyPrepareCommandsAreRejected() {
        assertThatThrownBy(() -> SnapshotOptions.defaults().withComment("two\nlines"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid snapshot comment: \"two\nlines\". Allowed: one non-blank line."
                        + " Example: \"seeded: 10,000 accounts\".");
        assertThatThrownBy(() -> SnapshotOptions.defaults().withPrepareCommand())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid snapshot prepare command: \"[]\". Allowed: a program and its arguments, none null."
                        + " Example: \"psql\", \"-U\", \"postgres\", \"-c\", \"CHECKPOINT\".");
    }

    @Test
    void tmpfsRestoreSpecKeepsEverythingButImageEntrypointCommandAndTmpfs() {
        ContainerSpec source = ContainerSpec.of("localhost:5000/berth-fixtures/postgres:15").withName("db")
                .withExposedPorts(5432).withEnv("POSTGRES_PASSWORD", "pw").withNetwork("backend", "db");
        ImageRef image = ImageRef.parse("berth-snapshots/db:0123456789ab");
        ContainerSpec spec = TmpfsRestore.spec(source, image, List.of("/var/lib/pg data", "/it's"),
                List.of("/entry.sh", "postgres"));
        assertThat(spec.image()).isEqualTo(image);
        assertThat(spec.env()).isEqualTo(source.env());
        assertThat(spec.exposedPorts()).isEqualTo(source.exposedPorts());
        assertThat(spec.networks()).isEqualTo(source.networks());
        assertThat(spec.security().tmpfs()).containsOnlyKeys("/var/lib/pg data", "/it's");
        assertThat(spec.entrypoint().orElseThrow()).containsExactly("/bin/sh", "-c",
                "cp -a '/.berth-volumes/var/lib/pg data/.' '/var/lib/pg data/' && "
                        + "cp -a '/.berth-volumes/it'\\''s/.' '/it'\\''s/' && exec \"$@\"", "berth-restore");
        assertThat(spec.command()).containsExactly("/entry.sh", "postgres");
    }

    @Test
    void volumeLayerGoesIntoTheParentOfEachPath() {
        assertThat(VolumeCapture.parentOf("/var/lib/postgresql/data")).isEqualTo("/var/lib/postgresql/");
        assertThat(VolumeCapture.parentOf("/data/")).isEqualTo("/");
        assertThat(VolumeCapture.parentOf("/data")).isEqualTo("/");
    }

    @Test
    void messagesSayWhatWhereAndHowToFix() {
        assertThat(Messages.notRunning("berth-db-1", "created", null)).isEqualTo("Cannot snapshot container berth-db-1:"
                + " it is not running (status: created). Take the snapshot while the container runs, e.g. right after"
                + " seeding it.");
        assertThat(Messages.gone("berth-db-1", "sha256:0123456789abcdef")).isEqualTo("Cannot snapshot container"
                + " berth-db-1 (0123456789ab): it no longer exists. Take the snapshot before closing or removing the"
                + " container.");
        assertThat(Messages.pushTimedOut("a:1", "localhost:5000", java.time.Duration.ofSeconds(30)))
                .isEqualTo("Cannot push a:1 to registry localhost:5000: no answer within 30 s. Check that the registry"
                        + " runs and is reachable, or give push a longer timeout.");
        assertThat(Messages.captureFailed("berth-db-1", "no space left on device")).isEqualTo("Cannot snapshot"
                + " container berth-db-1: no space left on device. Nothing was left behind.");
        assertThat(Messages.captureFailed("pg", Messages.volumeKeptChanging("/var/lib/postgresql/data",
                "Podman 4.3.1", java.util.List.of("tar", "-cf", "-", "-C", "/var/lib/postgresql/", "data"), 5,
                "tar: data/pg_wal/000000010000000000000001: file changed as we read it"))).isEqualTo("Cannot snapshot"
                + " container pg: cannot read volume /var/lib/postgresql/data on Podman 4.3.1: Berth reads it with"
                + " `tar -cf - -C /var/lib/postgresql/ data` in the running container, and files changed while tar"
                + " read them in each of 5 reads (tar: data/pg_wal/000000010000000000000001: file changed as we read"
                + " it); give the snapshot a prepare command that stops the service's writes"
                + " (SnapshotOptions.withPrepareCommand or ContainerSpec.withSnapshotPrepare), e.g. psql -c CHECKPOINT"
                + " for PostgreSQL, FLUSH TABLES for MariaDB. Nothing was left behind.");
    }
}
