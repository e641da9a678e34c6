package dev.berth.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks {@link ResetPerTest} and {@link SaveImage} declarations of a class (superclasses included)
 * before any resource exists, and resolves the paths they and {@code @Container(archive)} name.
 */
final class SnapshotDeclarations {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private SnapshotDeclarations() {
    }

    /**
     * @param chain the class and its enclosing classes
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for the first problem
     */
    static void validate(List<ClassModel> chain) {
        for (ClassModel m : chain) {
            for (Field f : m.fields()) {
                String where = f.getDeclaringClass().getName() + "." + f.getName();
                boolean container = AnnotationSupport.isAnnotated(f, Container.class);
                if (AnnotationSupport.isAnnotated(f, ResetPerTest.class) && !AnnotationSupport.isAnnotated(f, ComposeService.class)) {
                    if (!container) {
                        throw SnapshotErrors.notAContainer("ResetPerTest", where, f.getName());
                    }
                    if (!Modifier.isStatic(f.getModifiers())) {
                        throw SnapshotErrors.resetOnInstanceField(where, f.getName());
                    }
                    if (AnnotationSupport.isAnnotated(f, Shared.class)) {
                        throw SnapshotErrors.resetShared(where);
                    }
                    ResetPerTest reset = AnnotationSupport.findAnnotation(f, ResetPerTest.class).orElse(null);
                    if (reset.cache() && reset.seedVersion().isBlank()) {
                        throw SnapshotErrors.cacheWithoutSeedVersion(where);
                    }
                }
                SaveImage save = AnnotationSupport.findAnnotation(f, SaveImage.class).orElse(null);
                if (save != null) {
                    if (!container) {
                        throw SnapshotErrors.notAContainer("SaveImage", where, f.getName());
                    }
                    checkSavePath(where, save.value());
                }
                if (container && !AnnotationSupport.findAnnotation(f, Container.class).orElseThrow().archive().isEmpty()) {
                    path("@Container field " + where, AnnotationSupport.findAnnotation(f, Container.class).orElseThrow().archive());
                }
            }
        }
    }

    private static void checkSavePath(String where, String value) {
        String name = value.toLowerCase(java.util.Locale.ROOT);
        if (!(name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz"))) {
            throw SnapshotErrors.badArchiveName(where, value);
        }
        Path target = path("@SaveImage field " + where, value).toAbsolutePath();
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !canCreateIn(existing)) {
            throw SnapshotErrors.unwritable(where, value, existing == null ? target.getRoot() : existing);
        }
    }

    /** Probes with a file deleted at once: {@code Files.isWritable} says yes to root even on /proc. */
    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".berth-probe-", ".tmp"));
            return true;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }


    /**
     * @param where for the error message
     * @param value a path with optional {@code ${property}} placeholders
     * @return the path with the system properties substituted
     */
    static Path path(String where, String value) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1));
            if (v == null) {
                throw SnapshotErrors.undefinedProperty(where, value, m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return Path.of(out.toString());
    }
}
