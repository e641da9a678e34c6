package dev.berth.cli;

import dev.berth.BerthException;
import dev.berth.CachedImage;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.Quantities;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth cache}: the images and kept snapshots a CI cache directory carries between runs. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"Lists, saves, loads and prunes the images a CI cache carries between runs: every snapshot",
            "Berth kept (dev.berth.keep=true, e.g. @ResetPerTest seeds) and the images named with --image."},
        footer = {"", CacheCommand.EXIT_CODES})
final class CacheCommand {
    static final String EXIT_CODES = "Exit codes: 0 done, 1 a save, load or removal failed, 2 bad usage, 3 no engine answered.";
    private final Context context;

    CacheCommand(Context context) {
        this.context = context;
    }

    @Option(names = "--image", paramLabel = "REF", description = "Also carry this image (repeatable), e.g. "
            + "localhost:5000/berth-fixtures/redis:7.", scope = ScopeType.INHERIT)
    List<String> images = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only images whose ref contains TEXT, e.g. "
            + "berth-snapshots/orders (default: all).", scope = ScopeType.INHERIT)
    String filter = "";

    static final String DIR_EXAMPLE = "\"ci-cache/berth\"";

    private List<CachedImage> list(Engine engine) {
        return engine.imageCache().list(images.stream().map(CacheCommand::imageRef).toList()).stream()
                .filter(i -> i.ref().contains(filter)).toList();
    }

    private static ImageRef imageRef(String ref) {
        try {
            return ImageRef.parse(ref);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("--image", ref, "an image reference [registry/]name[:tag][@digest]",
                    "\"localhost:5000/berth-fixtures/redis:7\"");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, footer = {"", EXIT_CODES}, description = "Lists the cached images: ref, id, size, age, key.")
    int list() {
        try (Engine engine = context.connect()) {
            List<CachedImage> all = list(engine);
            context.out().println(String.format("%-60s %-12s %10s %8s %-16s %s", "REF", "ID", "SIZE", "AGE", "KEY", "KIND"));
            Instant now = Instant.now();
            for (CachedImage i : all) {
                context.out().println(String.format("%-60s %-12s %10s %8s %-16s %s", i.ref(), shortId(i.id()),
                        Progress.size(i.sizeBytes()), Quantities.format(Duration.ofSeconds(
                                Duration.between(i.created(), now).toSeconds() / 60 * 60)),
                        i.key().orElse("-"), i.kept() ? "kept snapshot" : "image"));
            }
            context.out().println(all.size() + " image(s), " + Progress.size(all.stream().mapToLong(CachedImage::sizeBytes).sum()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, footer = {"", EXIT_CODES},
            description = "Streams each cached image into DIR as <id>.tar (skipping those already there) and writes DIR/"
                    + CacheIndex.FILE + ".")
    int save(@Parameters(paramLabel = "DIR", description = "The CI cache directory.") Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidSpecException("DIR", dir.toString(), "a directory for the CI cache (created if missing)",
                    DIR_EXAMPLE);
        }
        Files.createDirectories(dir);
        try (Engine engine = context.connect()) {
            Map<String, CachedImage> index = CacheIndex.read(dir);
            for (CachedImage i : list(engine)) {
                Path tar = dir.resolve(CacheIndex.archiveName(i));
                if (index.containsKey(i.id()) && Files.exists(tar)) {
                    context.out().println("skip " + i.ref() + ": already in " + dir);
                    continue;
                }
                Progress progress = progress("save " + i.ref(), i.sizeBytes());
                Path part = dir.resolve(tar.getFileName() + ".part");
                try (OutputStream out = progress.counting(Files.newOutputStream(part))) {
                    engine.imageCache().save(i, out);
                }
                Files.move(part, tar, StandardCopyOption.REPLACE_EXISTING);
                progress.finish();
                index.put(i.id(), i);
                CacheIndex.write(dir, index);
            }
            context.out().println(index.size() + " image(s) in " + dir);
            return ExitCodes.OK;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true, footer = {"", EXIT_CODES},
            description = "Streams each image listed in DIR/" + CacheIndex.FILE + " into the engine, skipping those it has.")
    int load(@Parameters(paramLabel = "DIR", description = "A directory written by cache save.") Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(CacheIndex.FILE))) {
            throw new InvalidSpecException("DIR", dir.toString(), "a directory written by 'berth cache save' (it holds "
                    + CacheIndex.FILE + ")", DIR_EXAMPLE);
        }
        try (Engine engine = context.connect()) {
            int loaded = 0;
            for (CachedImage i : CacheIndex.read(dir).values()) {
                if (!i.ref().contains(filter)) {
                    continue;
                }
                if (engine.imageCache().has(i.id())) {
                    context.out().println("skip " + i.ref() + ": the engine has it");
                    continue;
                }
                Path tar = dir.resolve(CacheIndex.archiveName(i));
                if (!Files.isRegularFile(tar)) {
                    throw new BerthException("Cannot load " + i.ref() + ": " + tar + " (listed in " + CacheIndex.FILE
                            + ") is missing. Run 'berth cache save " + dir + "' again to rewrite the cache.");
                }
                Progress progress = progress("load " + i.ref(), Files.size(tar));
                try (InputStream in = progress.counting(Files.newInputStream(tar))) {
                    engine.imageCache().load(in);
                }
                progress.finish();
                loaded++;
            }
            context.out().println("Loaded " + loaded + " image(s) from " + dir);
            return ExitCodes.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, footer = {"", EXIT_CODES},
            description = "Removes kept snapshots older than --older-than, then the oldest until their total is at most "
                    + "--max-size. Named images are never removed.")
    int prune(@Option(names = "--older-than", paramLabel = "DURATION", description = "e.g. 7d") String olderThan,
              @Option(names = "--max-size", paramLabel = "SIZE", description = "e.g. 10g") String maxSize,
              @Option(names = "--dry-run", description = "List what would go; remove nothing.") boolean dryRun) {
        if (olderThan == null && maxSize == null) {
            throw new IllegalArgumentException("Missing --older-than DURATION or --max-size SIZE (e.g. --older-than 7d)");
        }
        Duration age = olderThan == null ? null : Quantities.duration("--older-than", olderThan);
        long limit = maxSize == null ? Long.MAX_VALUE : Quantities.bytes("--max-size", maxSize);
        try (Engine engine = context.connect()) {
            List<CachedImage> kept = engine.imageCache().list(List.of()).stream().filter(i -> i.ref().contains(filter))
                    .toList();
            long total = kept.stream().mapToLong(CachedImage::sizeBytes).sum();
            Instant now = Instant.now();
            int removed = 0;
            for (CachedImage i : kept) { // oldest first
                boolean old = age != null && Duration.between(i.created(), now).compareTo(age) >= 0;
                if (!old && total <= limit) {
                    continue;
                }
                context.out().println((dryRun ? "would remove " : "remove ") + i.ref() + " (" + Progress.size(i.sizeBytes())
                        + ", " + (old ? "older than " + olderThan : "over " + maxSize) + ")");
                if (!dryRun) {
                    try {
                        engine.imageCache().remove(i);
                    } catch (UncheckedIOException e) {
                        context.err().println("berth: " + e.getCause().getMessage());
                        return ExitCodes.FAILED;
                    }
                }
                total -= i.sizeBytes();
                removed++;
            }
            context.out().println((dryRun ? "Would remove " : "Removed ") + removed + " kept snapshot(s); "
                    + Progress.size(total) + " left.");
            return ExitCodes.OK;
        }
    }

    private Progress progress(String label, long total) {
        return new Progress(context.out(), label, total, System.console() != null && context.out() == System.out,
                System::nanoTime);
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
