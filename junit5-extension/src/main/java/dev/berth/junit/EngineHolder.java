package dev.berth.junit;

import dev.berth.Engine;

/**
 * The run's {@link Engine} in the root store, closed by JUnit when the run ends (on every JUnit line,
 * see {@link StoredResource}).
 *
 * @param engine the engine connection
 */
record EngineHolder(Engine engine) implements StoredResource {
    @Override
    public void close() {
        engine.close();
    }
}
