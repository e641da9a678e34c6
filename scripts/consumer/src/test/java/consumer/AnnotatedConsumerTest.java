package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import org.junit.jupiter.api.Test;

/** The extension from the staged jars: a fixture container per test, a command run inside it. */
@DockerTest
class AnnotatedConsumerTest {
    @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "60"})
    RunningContainer box;

    @Test
    void runsACommandInTheDeclaredContainer() {
        assertEquals("hello from the staged berth-junit5", box.exec("echo", "hello from the staged berth-junit5").stdout().trim());
    }
}
