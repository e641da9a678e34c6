package dev.berth.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main#run} with captured streams; {@code DOCKER_HOST} removed unless given. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DOCKER_HOST");
        return run(env, args);
    }

    static Cli withDockerHost(String host, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", host);
        return run(env, args);
    }

    static Cli run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
