package dev.berth.engine;

import dev.berth.EngineEndpoint;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * Builds docker-java clients (zerodep transport) for an endpoint, every call bounded as
 * {@link EngineTimeouts} says (see {@link BoundedHttpClient}). No API version is pinned.
 */
public final class DockerClients {
    private DockerClients() {
    }

    /**
     * @param endpoint where the engine listens
     * @param timeouts the bounds of connecting, quick calls and long calls
     * @return a client; the caller closes it
     * @throws dev.berth.BerthException when an older docker-java-api than Berth's is on the classpath
     */
    public static DockerClient create(EngineEndpoint endpoint, EngineTimeouts timeouts) {
        DockerJavaCheck.require(DockerClient.class.getClassLoader());
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.dockerHost())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.certPath().isPresent()) {
            b.withDockerCertPath(endpoint.certPath().get());
        }
        DefaultDockerClientConfig config = b.build();
        // Over TCP the quick transport's read timeout also ends a read abandoned at its deadline. The other
        // transport sets no socket timeout at all, not even a connect timeout (over TLS that one can outlive the
        // handshake as the read timeout): its calls are bounded by BoundedHttpClient and by their callers.
        DockerHttpClient quick = transport(config, timeouts.ping(), timeouts.call().plusSeconds(1));
        DockerHttpClient unbounded = transport(config, null, null);
        // Image and file-tree bytes go over a plain socket of their own where the endpoint allows one.
        DockerHttpClient bulk = BulkHttpClient.forEndpoint(endpoint.dockerHost(), endpoint.tlsVerify()).orElse(null);
        return DockerClientImpl.getInstance(config,
                new BoundedHttpClient(endpoint.dockerHost(), timeouts, quick, unbounded, bulk));
    }

    /**
     * @param endpoint where the engine listens
     * @param connectTimeout connection timeout
     * @return a client with the default bounds of {@link EngineTimeouts} and this connection timeout
     */
    public static DockerClient create(EngineEndpoint endpoint, Duration connectTimeout) {
        return create(endpoint, EngineTimeouts.defaults().withPing(connectTimeout));
    }

    private static DockerHttpClient transport(DefaultDockerClientConfig config, Duration connectTimeout,
                                              Duration readTimeout) {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64);
        if (connectTimeout != null) {
            http.connectionTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            http.responseTimeout(readTimeout);
        }
        return http.build();
    }
}
