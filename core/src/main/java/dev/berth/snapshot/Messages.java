package dev.berth.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every error message of the snapshot and archive package, built in one place. */
final class Messages {
    private Messages() {
    }

    static String notRunning(String container, String status, Integer exitCode) {
        return "Cannot snapshot container " + container + ": it is not running (status: " + status
                + (exitCode == null ? "" : ", exit code " + exitCode)
                + "). Take the snapshot while the container runs, e.g. right after seeding it.";
    }

    static String gone(String container, String id) {
        return "Cannot snapshot container " + container + " (" + shortId(id) + "): it no longer exists."
                + " Take the snapshot before closing or removing the container.";
    }

    static String prepareFailed(String container, List<String> command, long exitCode, String output) {
        return "The snapshot prepare command " + command + " failed in container " + container + " with exit code "
                + exitCode + (output.isBlank() ? "" : "; output: " + output.strip())
                + ". Fix the command or leave withPrepareCommand out.";
    }

    static String captureFailed(String container, String detail) {
        return "Cannot snapshot container " + container + ": " + detail + ". Nothing was left behind.";
    }

    static String volumeKeptChanging(String path, String engine, List<String> command, int reads, String detail) {
        return "cannot read volume " + path + " on " + engine + ": Berth reads it with `" + String.join(" ", command)
                + "` in the running container, and files changed while tar read them in each of " + reads + " reads"
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "; give the snapshot a prepare command that stops"
                + " the service's writes (SnapshotOptions.withPrepareCommand or ContainerSpec.withSnapshotPrepare),"
                + " e.g. psql -c CHECKPOINT for PostgreSQL, FLUSH TABLES for MariaDB";
    }

    static String parentMissing(Path target, Path parent) {
        return "Cannot save images to " + target + ": the directory " + parent
                + " does not exist. Create it first or choose another path.";
    }

    static String parentNotDirectory(Path target, Path parent) {
        return "Cannot save images to " + target + ": " + parent + " is not a directory. Choose a path in a directory.";
    }

    static String targetIsDirectory(Path target) {
        return "Cannot save images to " + target + ": it is a directory. Give a file name ending in .tar or .tar.gz.";
    }

    static String notWritable(Path target, Path parent) {
        return "Cannot save images to " + target + ": the directory " + parent
                + " is not writable. Choose a writable path.";
    }

    static String imageMissing(String action, String image) {
        return "Cannot " + action + ": image " + image + " is not in the engine. Pull, build or load it first.";
    }

    static String saveFailed(Path target, String detail) {
        return "Saving images to " + target + " failed: " + detail + ". No partial file was left behind.";
    }

    /** @param hint why the engine cannot reach the registry, or empty for the general advice */
    static String pushFailed(String image, String registry, String detail, String hint) {
        return "Cannot push " + image + " to registry " + registry + ": " + detail + (hint.isEmpty()
                ? ". Check that the registry runs and that the Docker engine can reach it"
                + " (a plain-HTTP registry outside 127.0.0.0/8 must be in the engine's insecure-registries)."
                : "; " + hint + ".");
    }

    static String pushTimedOut(String image, String registry, Duration timeout) {
        return "Cannot push " + image + " to registry " + registry + ": no answer within " + timeout.toSeconds()
                + " s. Check that the registry runs and is reachable, or give push a longer timeout.";
    }

    static String shortId(String id) {
        String plain = id.startsWith("sha256:") ? id.substring(7) : id;
        return plain.length() > 12 ? plain.substring(0, 12) : plain;
    }
}
