package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Engine answers read as JSON trees, for the calls whose answer Berth reads a few fields of. docker-java's models
 * cost a fresh JVM the Jackson deserializer of each model (its whole graph of nested types) the first time one is
 * read; a tree costs none of that (docs/benchmarks.md). The call goes through the client's own transport, so it
 * is bounded like every other call; a failed call throws docker-java's exception for its status, with the
 * engine's body as docker-java words it ({@code Status 500: {"message":…}}).
 */
public final class EngineJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineJson() {
    }

    /**
     * @param docker the engine client
     * @param pathAndQuery e.g. {@code /containers/json?all=1}, without an API version (the engine's own is used)
     * @param viaModels the same call through docker-java's models, for a client that is not docker-java's own
     *     (its answer is turned into the tree the engine's JSON would give: the models carry the API's names)
     * @return the answer; an empty body is an empty object
     * @throws DockerException when the engine answers with an error status
     */
    public static JsonNode get(DockerClient docker, String pathAndQuery, Supplier<?> viaModels) {
        if (!(docker instanceof DockerClientImpl impl)) {
            return JSON.valueToTree(viaModels.get());
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(pathAndQuery).build();
        try (DockerHttpClient.Response response = impl.getHttpClient().execute(request);
             InputStream in = response.getBody()) {
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw failure(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            JsonNode answer = JSON.readTree(in);
            return answer == null || answer.isMissingNode() ? JSON.createObjectNode() : answer;
        } catch (IOException e) {
            throw new UncheckedIOException("reading GET " + pathAndQuery + " from the engine failed", e);
        }
    }

    /**
     * @param name a filter, e.g. {@code label}
     * @param values its values, e.g. {@code dev.berth.session}
     * @return the {@code filters} query parameter's value, encoded
     */
    public static String filters(String name, List<String> values) {
        ObjectNode filters = JSON.createObjectNode();
        values.forEach(filters.putArray(name)::add);
        return URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8);
    }

    /**
     * @param node an object with a {@code Labels} field (a container, network, image or volume)
     * @return its labels; empty when it has none or they are null
     */
    public static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /**
     * @param node an object
     * @param field a field of it
     * @return the field's text, or null when it is absent or null
     */
    public static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static DockerException failure(int status, String body) {
        return switch (status) {
            case 400 -> new BadRequestException(body);
            case 401 -> new UnauthorizedException(body);
            case 404 -> new NotFoundException(body);
            case 409 -> new ConflictException(body);
            case 500 -> new InternalServerErrorException(body);
            default -> new DockerException(body, status);
        };
    }
}
