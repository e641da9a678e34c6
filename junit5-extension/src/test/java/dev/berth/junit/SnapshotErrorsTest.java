package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ImageRef;
import dev.berth.junit.fixtures.SnapshotErrorFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Misused snapshot declarations fail the class with their exact message, before any container exists. */
class SnapshotErrorsTest {
    private static final String F = "dev.berth.junit.fixtures.SnapshotErrorFixtures$";

    private final Kit kit = new Kit();

    @AfterEach
    void close() {
        kit.close();
    }

    private void assertFails(Class<?> fixture, String message) {
        kit.assertConfigurationError(fixture, message);
    }

    @Test
    void resetPerTestOnAnInstanceField() {
        assertFails(SnapshotErrorFixtures.ResetOnInstanceField.class, "@ResetPerTest field " + F
                + "ResetOnInstanceField.db: reset-per-test needs a class-scoped (static) container: \"instance field db\"."
                + " Allowed: a static @Container field, seeded by the class's @BeforeAll methods. Example:"
                + " @Container(image = \"localhost:5000/berth-fixtures/postgres:15\") @ResetPerTest static RunningContainer db;");
    }

    @Test
    void resetPerTestOnAFieldWithoutContainer() {
        assertFails(SnapshotErrorFixtures.ResetOnPlainField.class, "@ResetPerTest field " + F
                + "ResetOnPlainField.db: not a @Container field: \"db\". Allowed: a field that also carries @Container."
                + " Example: @Container(image = ...) @ResetPerTest static RunningContainer db;");
    }

    @Test
    void cacheWithoutSeedVersion() {
        assertFails(SnapshotErrorFixtures.CacheWithoutSeedVersion.class, "@ResetPerTest field " + F
                + "CacheWithoutSeedVersion.db: cache = true needs a seedVersion: \"seedVersion = \"\"\". Allowed: a"
                + " non-blank version you change whenever the seed changes. Example:"
                + " @ResetPerTest(cache = true, seedVersion = \"3\")");
    }

    @Test
    void missingArchiveForAnAbsentImage() {
        assertThat(kit.probe().images().exists(ImageRef.parse(SnapshotErrorFixtures.ABSENT))).isFalse();
        assertFails(SnapshotErrorFixtures.MissingArchive.class, "@Container field " + F
                + "MissingArchive.db: image \"berth-test/absent-never-created:1\" is not in the engine and its archive"
                + " does not exist (" + Path.of("target/no-such-dir/absent.tar").toAbsolutePath() + "):"
                + " \"target/no-such-dir/absent.tar\". Allowed: an existing docker save archive holding the image, or"
                + " the image already in the engine. Example: archive = \"${berth.fixtures.dir}/busybox.tar\"");
    }

    @Test
    void unwritableSavePath() {
        assertFails(SnapshotErrorFixtures.UnwritableSavePath.class, "@SaveImage field " + F
                + "UnwritableSavePath.ok: cannot write the archive here (/proc is not a writable directory):"
                + " \"/proc/berth/ok.tar\". Allowed: a path below a writable directory (missing directories are"
                + " created). Example: @SaveImage(\"target/berth-cache/db.tar\")");
    }

    @Test
    void saveToAnUnsupportedArchiveName() {
        assertFails(SnapshotErrorFixtures.BadSaveName.class, "@SaveImage field " + F
                + "BadSaveName.ok: unsupported archive name: \"target/ok.zip\". Allowed: a file name ending in .tar,"
                + " .tar.gz or .tgz. Example: @SaveImage(\"target/berth-cache/db.tar\")");
        assertThat(Path.of("target/ok.zip")).doesNotExist();
    }
}
