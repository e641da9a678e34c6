package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Discovery;
import dev.berth.Engine;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * What every command shares: its streams and environment, and how it reaches the engine. Like the docker CLI,
 * {@code berth} uses {@code DOCKER_HOST} alone when it is set (no fallback to the default socket), so that a
 * pipeline checks the engine it configured; without it, the engine is found as {@code Berth.connect()} finds it.
 *
 * @param out results
 * @param err errors
 * @param env the environment
 */
record Context(PrintStream out, PrintStream err, Map<String, String> env) {
    Optional<String> dockerHost() {
        return Optional.ofNullable(env.get("DOCKER_HOST")).map(String::trim).filter(h -> !h.isEmpty());
    }

    /** Connects without the start-of-run sweep (the command must not remove what it was asked to list). */
    Engine connect() {
        System.setProperty("berth.sweep", "false");
        return dockerHost().map(Berth::connect).orElseGet(Berth::connect);
    }

    Discovery discover() {
        return dockerHost().map(Berth::discover).orElseGet(Berth::discover);
    }
}
