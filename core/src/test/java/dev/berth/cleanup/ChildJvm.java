package dev.berth.cleanup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link ChildRun} in a child JVM on this test's classpath and reads the ids it prints. The
 * output goes to a file, since {@link Process#destroy()} closes the pipes before the shutdown hook
 * has written anything.
 */
public final class ChildJvm implements AutoCloseable {
    /** The child JVM. */
    public final Process process;
    /** What the child printed before READY: SESSION, CONTAINER, NETWORK, IMAGE (KEPT) to ids. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    private final Path log;

    /** @param args for {@link ChildRun} */
    public ChildJvm(String... args) throws Exception {
        log = Files.createTempFile("berth-child", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dberth.sweep=false", "-cp", System.getProperty("java.class.path"), ChildRun.class.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (!output().contains("\nREADY\n")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child run ended before READY:\n" + output());
            }
            Thread.sleep(50);
        }
        for (String line : output().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).matches("[A-Z]+")) {
                ids.put(line.substring(0, space), line.substring(space + 1));
            }
        }
    }

    private String output() throws Exception {
        return "\n" + Files.readString(log, StandardCharsets.UTF_8);
    }

    /** @return the child's whole output, once it has exited */
    public String drain() throws Exception {
        process.waitFor();
        return output().substring(1);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        process.waitFor();
        Files.deleteIfExists(log);
    }
}
