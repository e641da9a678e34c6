package dev.berth;

import dev.berth.wait.WaitStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable SHA-256 over a canonical rendering of every field of a {@link ContainerSpec}: one line per
 * field, maps in key order (environment order does not change what runs), copied files by the SHA-256
 * of their bytes, the wait strategy by its description. Equal specs give equal fingerprints in every JVM.
 */
final class SpecFingerprint {
    private SpecFingerprint() {
    }

    static String of(ContainerSpec s) {
        StringBuilder b = new StringBuilder();
        line(b, "image", s.image());
        line(b, "name", s.name().orElse(null));
        line(b, "command", s.command());
        line(b, "entrypoint", s.entrypoint().orElse(null));
        line(b, "env", new TreeMap<>(s.env()));
        line(b, "labels", new TreeMap<>(s.labels()));
        line(b, "exposedPorts", s.exposedPorts());
        line(b, "fixedPorts", new TreeMap<>(s.fixedPorts()));
        line(b, "workingDir", s.workingDir().orElse(null));
        for (FileCopy file : s.files()) {
            line(b, "file", file.containerPath() + " mode " + Integer.toOctalString(file.mode()) + " sha256 "
                    + hex(content(file.content())));
        }
        line(b, "mounts", s.mounts());
        line(b, "networks", s.networks());
        line(b, "dependsOn", s.dependsOn());
        line(b, "wait", describe(s.waitStrategy()));
        line(b, "startupTimeout", s.startupTimeout());
        line(b, "stopPolicy", s.stopPolicy());
        line(b, "pullPolicy", s.pullPolicy());
        line(b, "limits", s.limits());
        line(b, "namespaces", s.namespaces());
        line(b, "security", s.security());
        line(b, "healthcheck", s.healthcheck().orElse(null));
        line(b, "snapshotPrepare", s.snapshotPrepare());
        return hex(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder b, String field, Object value) {
        String text = value instanceof Map<?, ?> m ? m.toString() : String.valueOf(value);
        b.append(field).append('=').append(text.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }

    /** A strategy that describes itself (Berth's do) by that description, else by its class. */
    static String describe(WaitStrategy wait) {
        try {
            return wait.getClass().getMethod("toString").getDeclaringClass() == Object.class
                    ? wait.getClass().getName() : wait.toString();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] content(FileCopy.Content content) {
        try {
            if (content instanceof FileCopy.Bytes bytes) {
                return bytes.bytes();
            }
            if (content instanceof FileCopy.HostFile host) {
                return Files.isRegularFile(host.path()) ? Files.readAllBytes(host.path())
                        : ("missing " + host.path()).getBytes(StandardCharsets.UTF_8);
            }
            String name = ((FileCopy.ClasspathResource) content).name();
            try (InputStream in = FileCopy.class.getClassLoader().getResourceAsStream(name)) {
                return in == null ? ("missing " + name).getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a file to copy for the spec's fingerprint", e);
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
