package dev.berth.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium (installed by scripts/ensure-engine), with a fresh profile per call. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static String dumpDom(Path page) throws Exception {
        return run(page, "--dump-dom");
    }

    static Path screenshot(Path page, Path png) throws Exception {
        Files.deleteIfExists(png);
        run(page, "--screenshot=" + png, "--window-size=1400,900", "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot at " + png);
        }
        return png;
    }

    private static String run(Path page, String... args) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/ensure-engine (it installs chromium)");
        }
        Path profile = Files.createTempDirectory("berth-chromium");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Path log = Files.createTempFile("berth-chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 120 s");
        }
        String stderr = Files.readString(log);
        Files.deleteIfExists(log);
        deleteTree(profile);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited " + p.exitValue() + ":\n" + stderr);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
