package dev.berth.junit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The configuration errors of {@link ResetPerTest}, {@link SaveImage} and {@code @Container(archive)}, built in one place. */
final class SnapshotErrors {
    static final String RESET_EXAMPLE = "@Container(image = \"localhost:5000/berth-fixtures/postgres:15\") @ResetPerTest"
            + " static RunningContainer db;";
    static final String SAVE_EXAMPLE = "@SaveImage(\"target/berth-cache/db.tar\")";

    private SnapshotErrors() {
    }

    static ExtensionConfigurationException resetOnInstanceField(String where, String field) {
        return Errors.of("@ResetPerTest field " + where, "reset-per-test needs a class-scoped (static) container",
                "instance field " + field, "a static @Container field, seeded by the class's @BeforeAll methods",
                RESET_EXAMPLE);
    }

    static ExtensionConfigurationException notAContainer(String annotation, String where, String field) {
        return Errors.of("@" + annotation + " field " + where, "not a @Container field", field,
                "a field that also carries @Container", "@Container(image = ...) @" + annotation + " static RunningContainer db;");
    }

    static ExtensionConfigurationException resetShared(String where) {
        return Errors.of("@ResetPerTest field " + where, "a @Shared container cannot be reset per test", "@Shared",
                "either @Shared (one container for the run) or @ResetPerTest (a fresh copy per test)", RESET_EXAMPLE);
    }

    static ExtensionConfigurationException cacheWithoutSeedVersion(String where) {
        return Errors.of("@ResetPerTest field " + where, "cache = true needs a seedVersion", "seedVersion = \"\"",
                "a non-blank version you change whenever the seed changes",
                "@ResetPerTest(cache = true, seedVersion = \"3\")");
    }

    static ExtensionConfigurationException badArchiveName(String where, String value) {
        return Errors.of("@SaveImage field " + where, "unsupported archive name", value,
                "a file name ending in .tar, .tar.gz or .tgz", SAVE_EXAMPLE);
    }

    static ExtensionConfigurationException unwritable(String where, String value, Path blocking) {
        return Errors.of("@SaveImage field " + where, "cannot write the archive here (" + blocking
                + " is not a writable directory)", value,
                "a path below a writable directory (missing directories are created)", SAVE_EXAMPLE);
    }

    static ExtensionConfigurationException undefinedProperty(String where, String value, String property) {
        return Errors.of(where, "undefined system property ${" + property + "} in", value,
                "${name} of a defined system property, or a plain path",
                "-D" + property + "=/path/to/dir, or archive = \"target/berth-cache/busybox.tar\"");
    }

    static ExtensionConfigurationException missingArchive(String where, String image, String value, Path resolved) {
        return Errors.of("@Container field " + where, "image " + Errors.quote(image)
                + " is not in the engine and its archive does not exist (" + resolved + ")", value,
                "an existing docker save archive holding the image, or the image already in the engine",
                "archive = \"${berth.fixtures.dir}/busybox.tar\"");
    }

    static ExtensionConfigurationException archiveWithoutImage(String where, String image, Path archive,
                                                              java.util.List<String> loaded) {
        return Errors.of("@Container field " + where, "the archive " + archive + " does not hold image "
                + Errors.quote(image) + "; it loaded " + loaded, image,
                "an archive written by docker save of that image", "docker save -o x.tar " + image);
    }
}
