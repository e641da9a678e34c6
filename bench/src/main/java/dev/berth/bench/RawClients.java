package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * docker-java clients built the way a user of plain docker-java builds them (the baseline Berth is
 * measured against), on the local engine's socket; Berth's own client factory is internal to core.
 */
final class RawClients {
    private RawClients() {
    }

    /** @return a client of the engine at /var/run/docker.sock (5 s connect timeout); the caller closes it */
    static DockerClient local() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix:///var/run/docker.sock").build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).maxConnections(64).connectionTimeout(Duration.ofSeconds(5))
                .build());
    }
}
