package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Only in the variant with Testcontainers declared first: a Testcontainers test class next to the
 * Berth ones, as in a suite migrating one class at a time. Ryuk is off (no public registry here);
 * the container is stopped by try-with-resources.
 */
class TestcontainersNeighbourTest {
    @Test
    void testcontainersRunsOnTheSameClasspath() throws Exception {
        try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse("localhost:5000/berth-fixtures/busybox:1"))
                .withImagePullPolicy(image -> false)
                .withCommand("sleep", "60")) {
            box.start();
            assertEquals("tc", box.execInContainer("echo", "tc").getStdout().trim());
        }
    }
}
