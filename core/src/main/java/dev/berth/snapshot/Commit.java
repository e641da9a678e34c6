package dev.berth.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /commit} with a comment. docker-java 3.7.1's {@code CommitCmd.withMessage} sends the
 * message as query parameter {@code m}, which the engine ignores (the API calls it {@code comment}),
 * so the request is made on the client's own HTTP transport; other clients fall back to
 * {@code CommitCmd} without the comment. The labels go both in the body (Docker) and as {@code LABEL}
 * changes (Podman's Docker API ignores the body's labels but applies changes; Docker applies both alike).
 */
final class Commit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Commit() {
    }

    /**
     * @return the new image id; the container is not paused by the engine (the caller pauses it)
     */
    static String commit(DockerClient docker, String containerId, String comment, Map<String, String> labels) {
        if (!(docker instanceof DockerClientImpl impl)) {
            return docker.commitCmd(containerId).withPause(false).withAuthor("berth").withMessage(comment)
                    .withLabels(labels).exec();
        }
        StringBuilder path = new StringBuilder("/commit?container=" + enc(containerId) + "&comment=" + enc(comment)
                + "&author=berth&pause=0");
        labels.forEach((k, v) -> path.append("&changes=").append(enc("LABEL \"" + k.replace("\"", "\\\"") + "\"=\""
                + v.replace("\"", "\\\"") + "\"")));
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("Labels", labels));
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST).path(path.toString())
                    .putHeader("Content-Type", "application/json")
                    .body(new ByteArrayInputStream(body)).build();
            try (DockerHttpClient.Response response = impl.getHttpClient().execute(request);
                 InputStream in = response.getBody()) {
                JsonNode reply = JSON.readTree(in);
                int status = response.getStatusCode();
                String message = reply != null && reply.has("message") ? reply.get("message").asText() : "";
                if (status == 404) {
                    throw new NotFoundException(message);
                }
                if (status / 100 != 2 || reply == null || !reply.has("Id")) {
                    throw new DockerException("commit failed: " + message, status);
                }
                String id = reply.get("Id").asText();
                // Podman answers the bare hex digest; Docker (and every inspect) says sha256:<hex>
                return id.matches("[0-9a-f]{64}") ? "sha256:" + id : id;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("commit of container " + containerId + " failed", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
