package dev.berth.container;

import dev.berth.BerthException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a copied-out archive into a target directory without ever following a symbolic link.
 *
 * <p>Entries go into a fresh staging directory inside the target; an absolute link is rewritten as a relative one
 * that stays inside the target; then every entry is checked against what really is on disk in the target (nothing
 * is written through, or replaces, an existing link or directory) and every link of the merged result is resolved
 * component by component ({@link LinkResolution}). Only when all of that holds is the staging moved into place, so a
 * refused copy leaves nothing behind.
 */
final class SafeExtraction {
    private final Path root;
    private final Path shown;
    private final Path staging;
    private final String origin;
    private final Path containerParent;

    private SafeExtraction(Path root, Path shown, Path staging, String origin, Path containerParent) {
        this.root = root;
        this.shown = shown;
        this.staging = staging;
        this.origin = origin;
        this.containerParent = containerParent;
    }

    /**
     * @param archive the tar stream (not closed here)
     * @param targetDir the directory to unpack into; created if missing
     * @param origin names the archive's origin in errors, e.g. {@code "/etc of container berth-x"}
     * @param containerParent the container directory the target stands for (the copied path's parent, e.g.
     *     {@code /} for {@code /etc}); absolute links are re-rooted against it
     * @throws BerthException if an entry or a link would lead outside the target (nothing is copied then)
     */
    static void extract(InputStream archive, Path targetDir, String origin, String containerParent) {
        Path shown = targetDir.toAbsolutePath().normalize();
        Path staging = null;
        try {
            Files.createDirectories(shown);
            Path root = shown.toRealPath();
            staging = Files.createTempDirectory(root, ".berth-copy-");
            SafeExtraction x = new SafeExtraction(root, shown, staging, origin, Path.of(containerParent).normalize());
            x.unpack(new TarArchiveInputStream(archive));
            x.checkAgainstTarget();
            new LinkResolution(root, staging, x::refuse).checkAll();
            x.moveInto(staging, root);
        } catch (IOException e) {
            throw new BerthException("Could not copy " + origin + " to " + shown + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    BerthException refuse(String what) {
        return new BerthException("Refused to copy " + origin + ": " + what + ". Nothing was copied to " + shown
                + "; nothing outside it is written and no link leads out of it.");
    }

    private void unpack(TarArchiveInputStream tar) throws IOException {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            Path rel = relative(e.getName(), "archive entry \"" + e.getName() + "\" would be written outside " + shown);
            if (rel.toString().isEmpty()) {
                continue;
            }
            Path dest = staging.resolve(rel);
            parents(rel, "archive entry \"" + e.getName() + "\"");
            if (e.isDirectory()) {
                if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    clear(dest);
                    Files.createDirectory(dest);
                }
            } else if (e.isSymbolicLink()) {
                clear(dest);
                Files.createSymbolicLink(dest, Path.of(linkText(rel, e.getLinkName())));
            } else if (e.isLink()) {
                String shownLink = "hard link \"" + e.getName() + " => " + e.getLinkName() + "\"";
                Path linkedRel = relative(e.getLinkName(), shownLink + " would read outside " + shown);
                parents(linkedRel, shownLink);
                Path linked = staging.resolve(linkedRel);
                if (linkedRel.toString().isEmpty() || !Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS)) {
                    throw refuse(shownLink + " does not name a regular file copied before it");
                }
                clear(dest);
                Files.createLink(dest, linked);
            } else if (e.isFile()) {
                clear(dest);
                Files.copy(tar, dest);
                TarArchives.setMode(dest, e.getMode());
            }
        }
    }

    /** The entry name as a normalized relative path, refused when it is absolute or climbs out. */
    private Path relative(String name, String refusal) {
        Path p = Path.of(name).normalize();
        if (p.isAbsolute() || (p.getNameCount() > 0 && p.getName(0).toString().equals(".."))) {
            throw refuse(refusal);
        }
        return p;
    }

    /** Creates the entry's parent directories in the staging, refusing to pass through a link or a file. */
    private void parents(Path rel, String shownEntry) throws IOException {
        Path dir = staging;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            dir = dir.resolve(rel.getName(i));
            if (Files.isSymbolicLink(dir)) {
                throw refuse(shownEntry + " would go through the symbolic link \"" + rel.subpath(0, i + 1) + "\"");
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw refuse(shownEntry + " would go through \"" + rel.subpath(0, i + 1) + "\", not a directory");
            }
        }
    }

    private static void clear(Path dest) throws IOException {
        if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(dest);
        } else {
            Files.deleteIfExists(dest);
        }
    }

    /** Keeps a relative link as it is; re-roots an absolute one inside the target, as a relative link. */
    private String linkText(Path rel, String text) {
        Path target = Path.of(text).normalize();
        if (!target.isAbsolute()) {
            return text;
        }
        Path mapped = target.startsWith(containerParent) ? containerParent.relativize(target)
                : target.getRoot().relativize(target);
        Path from = rel.getParent() == null ? Path.of("") : rel.getParent();
        String relativeText = from.relativize(mapped).toString();
        return relativeText.isEmpty() ? "." : relativeText;
    }

    /** Nothing in the staging may be written through, or replace, an existing link or directory of the target. */
    private void checkAgainstTarget() throws IOException {
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(staging)) {
                    Path there = root.resolve(staging.relativize(dir));
                    if (Files.isSymbolicLink(there)) {
                        throw refuse("archive entry \"" + staging.relativize(dir) + "\" would be written through the"
                                + " symbolic link " + shown.resolve(staging.relativize(dir)) + " already in the target");
                    }
                    if (Files.exists(there, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isDirectory(there, LinkOption.NOFOLLOW_LINKS)) {
                        throw refuse("archive entry \"" + staging.relativize(dir) + "\" is a directory but "
                                + shown.resolve(staging.relativize(dir)) + " is not");
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path there = root.resolve(staging.relativize(file));
                if (Files.isDirectory(there, LinkOption.NOFOLLOW_LINKS)) {
                    throw refuse("archive entry \"" + staging.relativize(file) + "\" would replace the directory "
                            + shown.resolve(staging.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Moves the checked staging into the target: directories merge, everything else replaces (links as links). */
    private void moveInto(Path from, Path to) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(from)) {
            children = new ArrayList<>(list.toList());
        }
        for (Path child : children) {
            Path there = to.resolve(child.getFileName().toString());
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                    && Files.isDirectory(there, LinkOption.NOFOLLOW_LINKS)) {
                moveInto(child, there);
            } else {
                Files.move(child, there, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the staging sits inside the target, never outside it
        }
    }
}
