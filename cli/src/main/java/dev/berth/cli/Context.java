package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Discovery;
import dev.berth.Engine;
import dev.berth.EngineOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command shares: its streams and environment, and how it reaches the engine. Like the docker CLI,
 * {@code berth} uses {@code DOCKER_HOST} alone when it is set (no fallback to the default socket), so that a
 * pipeline checks the engine it configured; without it, the engine is found as {@code Berth.connect()} finds it.
 * The command never sweeps on connect ({@code berth.sweep=false}): it must not remove what it was asked to list.
 *
 * @param out results
 * @param err errors
 * @param env the environment
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env) {
    Optional<String> dockerHost() {
        return Optional.ofNullable(env.get("DOCKER_HOST")).map(String::trim).filter(h -> !h.isEmpty());
    }

    EngineOptions options() {
        EngineOptions options = EngineOptions.from(System.getProperties(), env, Path.of(System.getProperty("user.home")))
                .withSetting("berth.sweep", "false");
        return dockerHost().map(options::withDockerHost).orElse(options);
    }

    Engine connect() {
        return Berth.connect(options());
    }

    Discovery discover() {
        return Berth.discover(options());
    }
}
