package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import org.junit.jupiter.api.Test;

/**
 * berth-core from the staged jars, without the extension: connect, start, exec, close. It also reads
 * the image's layer history: the docker-java call ({@code ImageHistoryCmd}) that is missing when an
 * older docker-java-api (Testcontainers') wins the user's dependency tree.
 */
class ProgrammaticConsumerTest {
    private static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";

    @Test
    void startsAContainerRunsACommandAndReadsTheImageHistory() {
        try (Engine engine = Berth.connect();
             RunningContainer box = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "60"))) {
            assertEquals("4", box.exec("sh", "-c", "echo $((2 + 2))").stdout().trim());
            assertFalse(engine.history(ImageRef.parse(BUSYBOX)).isEmpty());
        }
    }
}
