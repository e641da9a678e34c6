package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code @Container(archive = ...)} archives for images the engine does not hold, before any
 * container of the class starts: every archive needed is checked first, so a missing one fails the
 * class with nothing created. What a load added belongs to the run's engine session and goes when it
 * closes; what the engine held before stays.
 */
final class ArchiveSources {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSources.class);

    private ArchiveSources() {
    }

    private record Needed(Declaration declaration, ImageRef image, Path archive) { }

    /**
     * @param engine the engine
     * @param chain the class and its enclosing classes
     */
    static void loadMissing(Engine engine, List<ClassModel> chain) {
        List<Needed> needed = new ArrayList<>();
        for (ClassModel m : chain) {
            for (Declaration d : m.containers()) {
                String archive = d.annotation().archive();
                ImageRef image = archive.isEmpty() ? null : image(d);
                if (image == null || engine.images().exists(image)) {
                    continue;
                }
                Path path = SnapshotDeclarations.path(Errors.field(d), archive);
                if (!Files.isRegularFile(path)) {
                    throw SnapshotErrors.missingArchive(d.where(), image.toString(), archive, path.toAbsolutePath());
                }
                needed.add(new Needed(d, image, path));
            }
        }
        for (Needed n : needed) {
            if (engine.images().exists(n.image())) {
                continue; // another declaration's archive brought it
            }
            long begin = System.nanoTime();
            List<String> loaded = engine.images().load(n.archive());
            LOG.info("Loaded {} from {} for {} ({} ms): the image was not in the engine", loaded, n.archive(),
                    n.declaration().where(), (System.nanoTime() - begin) / 1_000_000);
            if (!engine.images().exists(n.image())) {
                throw SnapshotErrors.archiveWithoutImage(n.declaration().where(), n.image().toString(), n.archive(),
                        loaded);
            }
        }
    }

    /** @return the image a declaration runs, when it is known before the test instance exists */
    private static ImageRef image(Declaration d) {
        if (!d.annotation().image().isBlank()) {
            return ImageRef.parse(d.annotation().image());
        }
        if (d.form() == Declaration.Form.SPEC && d.isStatic()) {
            ContainerSpec spec = d.readSpec(null);
            return spec == null ? null : spec.image();
        }
        return null;
    }
}
