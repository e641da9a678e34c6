package dev.berth;

import dev.berth.image.ImageService;
import dev.berth.session.Session;

/** Core's own tests reach an engine's internals here; users cannot (package-private on {@link Engine}). */
public final class Internals {
    private Internals() {
    }

    /**
     * @param engine an engine
     * @return its session's ledger
     */
    public static Session ledger(Engine engine) {
        return engine.ledger();
    }

    /**
     * @param engine an engine
     * @return its image service, with the internal {@code withMirror}/{@code withDockerConfig} copies
     */
    public static ImageService images(Engine engine) {
        return (ImageService) engine.images();
    }

    /**
     * @param engine an engine
     * @return it, once the sweep its connection started in the background has finished
     */
    public static Engine swept(Engine engine) {
        engine.awaitSweep();
        return engine;
    }
}
