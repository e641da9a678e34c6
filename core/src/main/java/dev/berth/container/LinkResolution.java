package dev.berth.container;

import dev.berth.BerthException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves every symbolic link of a copy's result — the staging laid over what the target already holds — the way
 * the kernel would, one component at a time, reading links from disk and never asking the OS to follow one. A link
 * that climbs above the target (or, already in the target, leads to an absolute path outside it) is refused, unless
 * it already did so before this copy: Berth answers for what the copy changes, not for links a user placed.
 *
 * <p>A missing component is resolved lexically, as if it were a directory: every later copy checks all links again,
 * so a link that becomes dangerous when a missing part appears is refused then.
 */
final class LinkResolution {
    /** The kernel's own limit on links followed in one path resolution. */
    private static final int MAX_HOPS = 40;

    private final Path root;
    private final Path staging;
    private final Function<String, BerthException> refuse;

    LinkResolution(Path root, Path staging, Function<String, BerthException> refuse) {
        this.root = root;
        this.staging = staging;
        this.refuse = refuse;
    }

    /** Resolves the staging's links and the target's own, with the staging laid over the target. */
    void checkAll() throws IOException {
        for (Path link : links(staging, null)) {
            check(link, true);
        }
        for (Path link : links(root, staging)) {
            if (!Files.exists(staging.resolve(link), LinkOption.NOFOLLOW_LINKS)
                    && leavesTarget(link, true) && !leavesTarget(link, false)) {
                throw refuse.apply("the symbolic link " + root.resolve(link) + " already in the target would lead"
                        + " outside it once this copy is in place");
            }
        }
    }

    private void check(Path link, boolean merged) throws IOException {
        if (leavesTarget(link, merged)) {
            throw refuse.apply("symbolic link \"" + link + " -> " + Files.readSymbolicLink(staging.resolve(link))
                    + "\" would lead outside the target (or loops)");
        }
    }

    /** @return the links under {@code dir}, relative to it, skipping {@code skip} */
    private static List<Path> links(Path dir, Path skip) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    found.add(dir.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /**
     * @param link a link, relative to the target
     * @param merged whether the staging lies over the target, or the target is seen alone
     * @return whether following it climbs out of the target (a loop counts: it cannot be shown to stay inside)
     */
    boolean leavesTarget(Path link, boolean merged) throws IOException {
        Deque<String> dir = new ArrayDeque<>();
        for (int i = 0; i < link.getNameCount() - 1; i++) {
            dir.addLast(link.getName(i).toString());
        }
        Deque<String> pending = new ArrayDeque<>();
        Optional<String> first = readLink(dir, link.getFileName().toString(), merged);
        if (first.isEmpty()) {
            return false;
        }
        int hops = 1;
        if (push(first.get(), pending, dir)) {
            return true;
        }
        while (!pending.isEmpty()) {
            String c = pending.pop();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (dir.isEmpty()) {
                    return true;
                }
                dir.removeLast();
                continue;
            }
            Optional<String> text = readLink(dir, c, merged);
            if (text.isEmpty()) {
                dir.addLast(c);
            } else if (++hops > MAX_HOPS || push(text.get(), pending, dir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts a link's text in front of what is left to resolve.
     *
     * @return whether the text is an absolute path outside the target
     */
    private boolean push(String text, Deque<String> pending, Deque<String> dir) {
        Path p = Path.of(text);
        if (p.isAbsolute()) {
            Path abs = p.normalize();
            if (!abs.startsWith(root)) {
                return true;
            }
            dir.clear();
            p = root.relativize(abs);
        }
        for (int i = p.getNameCount() - 1; i >= 0; i--) {
            pending.push(p.getName(i).toString());
        }
        return false;
    }

    /** @return the text of the link at {@code dir/name}, or empty when it is no link (or missing) */
    private Optional<String> readLink(Deque<String> dir, String name, boolean merged) throws IOException {
        Path rel = Path.of("", dir.toArray(String[]::new)).resolve(name);
        Path here = staging.resolve(rel);
        if (!merged || !Files.exists(here, LinkOption.NOFOLLOW_LINKS)) {
            here = root.resolve(rel);
        }
        return Files.isSymbolicLink(here) ? Optional.of(Files.readSymbolicLink(here).toString()) : Optional.empty();
    }
}
