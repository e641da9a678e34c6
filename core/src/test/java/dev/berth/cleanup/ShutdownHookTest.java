package dev.berth.cleanup;

import static dev.berth.cleanup.CleanupFixtures.exists;
import static dev.berth.cleanup.CleanupFixtures.removeQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.session.Session.Kind;
import org.junit.jupiter.api.Test;

/** A run interrupted with SIGTERM removes what its session holds in its shutdown hook. */
class ShutdownHookTest {

    @Test
    void sigtermRemovesTheSessionsResourcesInTheHook() throws Exception {
        try (DockerClient raw = CleanupFixtures.raw(); ChildJvm child = new ChildJvm()) {
            try {
                child.process.destroy();
                int exit = child.process.waitFor();
                String output = child.drain();

                assertThat(exit).as(output).isEqualTo(143);
                assertThat(output).contains("Berth shutdown hook removed what session "
                        + child.ids.get("SESSION").substring(0, 8) + " still held");
                assertThat(exists(raw, Kind.CONTAINER, child.ids.get("CONTAINER"))).isFalse();
                assertThat(exists(raw, Kind.NETWORK, child.ids.get("NETWORK"))).isFalse();
                assertThat(exists(raw, Kind.IMAGE, child.ids.get("IMAGE"))).isFalse();
            } finally {
                removeQuietly(raw, Kind.CONTAINER, child.ids.get("CONTAINER"));
                removeQuietly(raw, Kind.NETWORK, child.ids.get("NETWORK"));
                removeQuietly(raw, Kind.IMAGE, child.ids.get("IMAGE"));
            }
        }
    }
}
