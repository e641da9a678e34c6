package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The ping that tells whether an engine answers, keeping what its {@code Server} header says about the product
 * ({@code Docker/20.10.24 (linux)}, {@code Libpod/4.3.1 (linux)}): enough to know a Docker engine before
 * {@code /info} and {@code /version} are read, so that a first container start on Docker need not wait for them.
 */
final class EnginePing {
    private static final int BODY_SHOWN = 512;

    private EnginePing() {
    }

    /**
     * @param client the client to ping with
     * @return the engine's {@code Server} header, or empty when it sent none (or the client is not docker-java's own)
     * @throws DockerException when the engine answers with an error status
     * @throws RuntimeException as the client's transport throws it when nothing answers
     */
    static Optional<String> server(DockerClient client) {
        if (!(client instanceof DockerClientImpl impl)) {
            client.pingCmd().exec();
            return Optional.empty();
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient.Response response = impl.getHttpClient().execute(request)) {
            return serverOf(response);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the engine's answer to GET /_ping failed", e);
        }
    }

    /**
     * @param response the engine's answer to {@code GET /_ping}
     * @return its {@code Server} header (docker-java matches the name without regard to case), or empty
     * @throws DockerException when the answer has an error status
     * @throws IOException when its body cannot be read
     */
    static Optional<String> serverOf(DockerHttpClient.Response response) throws IOException {
        int status = response.getStatusCode();
        if (status / 100 != 2) {
            byte[] body = response.getBody().readNBytes(BODY_SHOWN);
            throw new DockerException("Status " + status + ": " + new String(body, StandardCharsets.UTF_8).trim(),
                    status);
        }
        return Optional.ofNullable(response.getHeader("Server"));
    }

    /** @return whether a {@code Server} header names Docker's daemon (Podman's says {@code Libpod/…}) */
    static boolean docker(String server) {
        return server.regionMatches(true, 0, "Docker/", 0, "Docker/".length());
    }
}
