package dev.berth.snapshot;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageRef;
import java.nio.file.Path;

/** Saves one image to an archive; run in a child JVM with a small heap to prove saving streams. */
public final class SaveMain {
    private SaveMain() {
    }

    /**
     * @param args archive path, image reference
     */
    public static void main(String[] args) {
        try (Engine engine = Berth.connect()) {
            var saved = engine.save(Path.of(args[0]), ImageRef.parse(args[1]));
            System.out.println("saved " + saved.bytes() + " bytes in " + saved.took().toMillis() + " ms, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        }
    }
}
