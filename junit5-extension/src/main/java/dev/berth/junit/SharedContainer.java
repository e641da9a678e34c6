package dev.berth.junit;

import dev.berth.RunningContainer;

/**
 * A {@link Shared} container held in the root store: started once per run, closed by JUnit when the
 * run ends.
 *
 * @param container the running container
 */
record SharedContainer(RunningContainer container) implements StoredResource {
    @Override
    public void close() {
        container.close();
    }
}
