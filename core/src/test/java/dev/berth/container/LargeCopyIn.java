package dev.berth.container;

import static dev.berth.Fixtures.BUSYBOX;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.RunningContainer;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LargeCopyInTest} with a small heap: copies the host file named by its argument
 * into a busybox container, prints {@code SIZE <bytes>} as {@code stat} sees it inside, and {@code MAXHEAP}.
 */
public final class LargeCopyIn {
    private LargeCopyIn() {
    }

    /** @param args the host file to copy in */
    public static void main(String[] args) {
        System.out.println("MAXHEAP " + Runtime.getRuntime().maxMemory());
        try (Engine engine = Berth.connect()) {
            RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600"));
            c.copyIn(Path.of(args[0]), "/big.bin");
            ExecResult stat = c.exec(ExecSpec.of("stat", "-c", "%s", "/big.bin"));
            System.out.println("SIZE " + stat.stdout().trim());
        }
        System.out.flush();
    }
}
