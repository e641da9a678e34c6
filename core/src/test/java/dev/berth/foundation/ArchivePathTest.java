package dev.berth.foundation;

import dev.berth.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The archive path: the fixture .tar written by scripts/build-fixtures loads and runs. */
class ArchivePathTest {

    @Test
    void fixtureArchiveLoadsAndRuns() throws Exception {
        Path archive = Fixtures.busyboxArchive();
        assertThat(archive).as("run scripts/ensure-engine to write the fixture archive").isRegularFile();
        try (Engine engine = Berth.connect()) {
            DockerClient docker = engine.docker();
            try (InputStream in = Files.newInputStream(archive)) {
                docker.loadImageCmd(in).exec();
            }
            // The archive holds berth-fixtures/busybox:1; the load (re)creates that tag.
            String loadedId = docker.inspectImageCmd("berth-fixtures/busybox:1").exec().getId();
            assertThat(loadedId).startsWith("sha256:");
            try (RunningContainer c = engine.start(ContainerSpec.of("berth-fixtures/busybox:1")
                    .withCommand("sleep", "30"))) {
                assertThat(docker.inspectContainerCmd(c.id()).exec().getImageId()).isEqualTo(loadedId);
            }
        }
    }
}
