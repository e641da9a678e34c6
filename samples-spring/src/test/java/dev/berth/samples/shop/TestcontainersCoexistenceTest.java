package dev.berth.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunningContainer;
import dev.berth.modules.redis.RedisSpec;
import org.junit.jupiter.api.Test;

/**
 * Testcontainers ({@code spring-boot-testcontainers}) and Berth on one classpath: both load, and Berth's
 * docker-java calls work with the docker-java version Maven resolved.
 */
class TestcontainersCoexistenceTest {

    @Test
    void berthRunsWithTestcontainersOnTheClasspath() throws Exception {
        assertThat(Class.forName("org.testcontainers.containers.GenericContainer")).isNotNull();
        assertThat(Class.forName("org.springframework.boot.testcontainers.service.connection.ServiceConnection")).isNotNull();
        try (Engine engine = Berth.connect(); RunningContainer redis = RedisSpec.of().start(engine).container()) {
            InspectContainerResponse inspected = engine.docker().inspectContainerCmd(redis.id()).exec();
            assertThat(inspected.getState().getRunning()).isTrue();
            assertThat(engine.history(ImageRef.parse(inspected.getConfig().getImage()))).as("docker-java's ImageHistoryCmd").isNotEmpty();
        }
    }
}
