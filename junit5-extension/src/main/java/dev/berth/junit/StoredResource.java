package dev.berth.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension keeps in an {@link ExtensionContext.Store} and JUnit must close when the context
 * ends. JUnit 5.13 and later close {@link AutoCloseable} values; earlier lines (5.10–5.12, still pinned
 * by many BOMs) close only {@link ExtensionContext.Store.CloseableResource} ones, so every stored
 * resource is both — otherwise a class's containers would outlive the class until JVM exit.
 */
@SuppressWarnings("deprecation") // CloseableResource: deprecated since 5.13, the only type 5.10-5.12 close
interface StoredResource extends ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    void close();
}
