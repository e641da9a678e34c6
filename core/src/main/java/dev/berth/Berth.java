package dev.berth;

import dev.berth.engine.EngineLocator;

/** Entry point of the programmatic API. */
public final class Berth {
    private Berth() {
    }

    /**
     * Connects to the first Docker engine that answers (DOCKER_HOST, then the default socket).
     * Nothing is started or pulled to do so.
     *
     * @return a new engine connection with its own session; close it to remove what it still holds
     * @throws EngineUnavailableException listing every location tried and why it failed
     */
    public static Engine connect() {
        EngineLocator.Located located = new EngineLocator(System.getenv()).locate();
        return new Engine(located.endpoint(), located.client());
    }
}
