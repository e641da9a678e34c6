package dev.berth.cli;

import dev.berth.CachedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache directory's {@code berth-cache.tsv}: one line per saved image (id, ref, size, created, key, kept),
 * each image in {@code <12 hex of its id>.tar} beside it.
 */
final class CacheIndex {
    static final String FILE = "berth-cache.tsv";

    private CacheIndex() {
    }

    static String archiveName(CachedImage image) {
        String hex = image.id().startsWith("sha256:") ? image.id().substring(7) : image.id();
        return hex.substring(0, Math.min(12, hex.length())) + ".tar";
    }

    static Map<String, CachedImage> read(Path dir) throws IOException {
        Map<String, CachedImage> out = new LinkedHashMap<>();
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length == 6) {
                out.put(f[0], new CachedImage(f[1], f[0], Long.parseLong(f[2]), Instant.parse(f[3]),
                        f[4].isEmpty() ? Optional.empty() : Optional.of(f[4]), Boolean.parseBoolean(f[5])));
            }
        }
        return out;
    }

    static void write(Path dir, Map<String, CachedImage> images) throws IOException {
        List<String> lines = new ArrayList<>();
        images.values().forEach(i -> lines.add(String.join("\t", i.id(), i.ref(), Long.toString(i.sizeBytes()),
                i.created().toString(), i.key().orElse(""), Boolean.toString(i.kept()))));
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
