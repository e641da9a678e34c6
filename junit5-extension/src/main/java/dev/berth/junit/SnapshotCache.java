package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@code @ResetPerTest(cache = true)} snapshots of a class already exist, decided once per class
 * (before its {@code @BeforeAll} methods). For a snapshot that does not exist yet it holds a lock until
 * the snapshot is tagged, so a concurrent JVM (or launcher) building the same one waits and then
 * reuses it: a file lock under {@code ~/.cache/berth/locks} (or {@code java.io.tmpdir}) between JVMs,
 * and a per-key semaphore inside this JVM, where file locks do not exclude each other. Stored in the
 * class's store; closing it releases what it still holds.
 */
final class SnapshotCache implements StoredResource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);
    /** In-JVM exclusion per key: a process-wide lock table, as file locks are per process. */
    private static final Map<String, Semaphore> IN_JVM = new ConcurrentHashMap<>();

    /** By entry: a {@link Declaration}, or the name of a compose service. */
    private final Map<Object, ImageRef> hits = new LinkedHashMap<>();
    private final Map<Object, ImageRef> misses = new LinkedHashMap<>();
    private final Map<Object, Held> held = new LinkedHashMap<>();

    private record Held(String key, FileChannel channel, FileLock lock) { }

    /** Decides hit or miss for each cached declaration, locking the misses. */
    static SnapshotCache decide(Engine engine, BerthConfig config, List<Declaration> declarations) {
        SnapshotCache cache = new SnapshotCache();
        try {
            for (Declaration d : declarations) {
                if (!d.find(ResetPerTest.class).orElseThrow().cache()) {
                    continue;
                }
                cache.decideOne(engine, d, reference(d.name(), key(engine, config, d)), d.where());
            }
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        return cache;
    }

    /**
     * Decides hit or miss for one snapshot, locking a miss.
     *
     * @param engine the engine
     * @param entry what the snapshot is of: the name of a compose service
     * @param ref its cache tag ({@link #reference(String, String)})
     * @param where the field, for the log
     * @return the decision
     */
    static SnapshotCache decide(Engine engine, Object entry, ImageRef ref, String where) {
        SnapshotCache cache = new SnapshotCache();
        cache.decideOne(engine, entry, ref, where);
        return cache;
    }

    private void decideOne(Engine engine, Object entry, ImageRef ref, String where) {
        Held lock = lock(ref.tag().orElseThrow());
        boolean exists;
        try {
            exists = engine.images().exists(ref);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
        if (exists) {
            release(lock);
            synchronized (this) {
                hits.put(entry, ref);
            }
            LOG.info("Reset-per-test {}: reusing the cached snapshot {}", where, ref);
        } else {
            synchronized (this) {
                held.put(entry, lock);
                misses.put(entry, ref);
            }
            LOG.info("Reset-per-test {}: no cached snapshot {} yet; this run seeds and keeps it", where, ref);
        }
    }

    /** @return the cached snapshot to reuse, or null */
    synchronized ImageRef hit(Object entry) {
        return hits.get(entry);
    }

    /** @return the tag to keep a new snapshot under, or null when the entry is not cached */
    synchronized ImageRef miss(Object entry) {
        return misses.get(entry);
    }

    /** @return true when every entry is cached and found: the seed need not run */
    synchronized boolean allHit(List<?> entries) {
        return !entries.isEmpty() && entries.stream().allMatch(hits::containsKey);
    }

    /** Releases the lock of an entry once its snapshot is tagged (or failed). */
    synchronized void done(Object d) {
        Held h = held.remove(d);
        if (h != null) {
            release(h);
        }
    }

    @Override
    public synchronized void close() {
        held.values().forEach(SnapshotCache::release);
        held.clear();
    }

    /**
     * What a cached snapshot depends on: the field, its annotations, the {@code seedVersion}, the
     * fingerprint of the whole spec the field runs (env, command, mounts, limits, …; networks by their
     * declared names) and the id of the image it runs, so that a changed spec or a rebuilt image (same
     * tag, another id) seeds anew instead of reusing a stale snapshot. The image is made available first.
     */
    static String key(Engine engine, BerthConfig config, Declaration d) {
        String network = d.annotation().network();
        ContainerSpec spec = SpecFactory.build(d, null, config, network.isEmpty() ? Set.of() : Set.of(network),
                UnaryOperator.identity());
        ImageRef image = engine.images().ensure(spec.image(), spec.pullPolicy());
        String imageId = engine.images().id(image).orElseThrow(() -> new IllegalStateException(
                "The engine no longer holds " + image + ", just made available for " + d.where()));
        return d.where() + "\n" + Arrays.toString(d.field().getAnnotations()) + "\n"
                + d.find(ResetPerTest.class).orElseThrow().seedVersion() + "\n" + spec.fingerprint() + "\n" + imageId;
    }

    /** @return {@code berth-snapshots/<name>:cache-<16 hex of the key's SHA-256>} */
    static ImageRef reference(String logicalName, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String name = logicalName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            return ImageRef.parse("berth-snapshots/" + (name.isEmpty() ? "container" : name) + ":cache-"
                    + HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Held lock(String key) {
        Semaphore local = IN_JVM.computeIfAbsent(key, k -> new Semaphore(1));
        local.acquireUninterruptibly();
        try {
            Path file = lockDir().resolve(key + ".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new Held(key, channel, lock);
        } catch (IOException e) {
            local.release();
            throw new UncheckedIOException("Cannot lock the snapshot cache entry " + key, e);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static void release(Held h) {
        try {
            h.lock().release();
            h.channel().close();
        } catch (IOException e) {
            LOG.warn("Releasing the snapshot cache lock {}: {}", h.key(), e.toString());
        } finally {
            IN_JVM.get(h.key()).release();
        }
    }

    private static Path lockDir() throws IOException {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "berth", "locks");
        try {
            return Files.createDirectories(home);
        } catch (IOException e) {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "berth-locks"));
        }
    }
}
