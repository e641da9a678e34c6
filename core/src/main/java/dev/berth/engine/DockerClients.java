package dev.berth.engine;

import dev.berth.EngineEndpoint;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/** Builds docker-java clients (zerodep transport) for an endpoint. No API version is pinned. */
public final class DockerClients {
    private DockerClients() {
    }

    /**
     * @param endpoint where the engine listens
     * @param connectTimeout connection timeout
     * @return a client without a response timeout (pulls and builds may take long); the caller closes it
     */
    public static DockerClient create(EngineEndpoint endpoint, Duration connectTimeout) {
        return create(endpoint, connectTimeout, null);
    }

    /**
     * @param endpoint where the engine listens
     * @param connectTimeout connection timeout
     * @param responseTimeout how long to wait for a response, or null for no limit
     * @return a client; the caller closes it
     */
    public static DockerClient create(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.dockerHost())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.certPath() != null) {
            b.withDockerCertPath(endpoint.certPath());
        }
        DefaultDockerClientConfig config = b.build();
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
