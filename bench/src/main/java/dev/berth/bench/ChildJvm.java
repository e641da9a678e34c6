package dev.berth.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this module in a fresh JVM, with the Testcontainers variables set. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The classpath children run with: the test classpath under surefire, else this JVM's. */
    static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx64m}
     * @param main the main class
     * @param args its arguments
     * @param timeout the most it may take; it is killed after that
     * @return the child's output; {@link Result#nanos()} is launch → exit
     * @throws IOException if it cannot start, or fails, or times out (with its output)
     * @throws InterruptedException if interrupted while waiting
     */
    static Result run(List<String> jvmOptions, Class<?> main, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        return run(jvmOptions, Map.of(), main, args, timeout);
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx64m}
     * @param env environment variables the child gets on top of this JVM's and the Testcontainers ones
     * @param main the main class
     * @param args its arguments
     * @param timeout the most it may take; it is killed after that
     * @return the child's output; {@link Result#nanos()} is launch → exit
     * @throws IOException if it cannot start, or fails, or times out (with its output)
     * @throws InterruptedException if interrupted while waiting
     */
    static Result run(List<String> jvmOptions, Map<String, String> env, Class<?> main, List<String> args,
                      Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath(), main.getName()));
        cmd.addAll(args);
        File log = Files.createTempFile("berth-bench-child", ".log").toFile();
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
            for (String kv : TestcontainersStarter.REQUIRED_ENV) {
                String[] p = kv.split("=", 2);
                pb.environment().put(p[0], p[1]);
            }
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long nanos = System.nanoTime() - t0;
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            if (!exited || p.exitValue() != 0) {
                throw new IOException("child JVM " + main.getSimpleName() + " " + args + (exited
                        ? " exited " + p.exitValue() : " did not finish within " + timeout + " and was killed")
                        + ":\n" + out);
            }
            return new Result(nanos, out);
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    /**
     * @param nanos launch → exit
     * @param output stdout and stderr
     */
    record Result(long nanos, String output) {
    }
}
