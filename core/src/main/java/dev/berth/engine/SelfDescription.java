package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The engine's {@code /info} and {@code /version} answers, read as JSON trees. docker-java's {@code Info} and
 * {@code Version} models cost a fresh JVM their Jackson deserializers (about 75 ms of CPU, against 12 ms for the
 * trees, docs/benchmarks.md), on a thread that runs beside the first container start; Berth reads a few fields.
 *
 * @param info the {@code /info} answer
 * @param version the {@code /version} answer
 */
public record SelfDescription(JsonNode info, JsonNode version) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Asks for both side by side (Podman takes about 2 s for each, several under load).
     *
     * @param docker the engine client
     * @return both answers
     */
    public static SelfDescription read(DockerClient docker) {
        CompletableFuture<JsonNode> version = CompletableFuture.supplyAsync(() -> get(docker, "/version"),
                r -> EngineFacts.daemon(r, "berth-engine-version").start());
        JsonNode info = get(docker, "/info");
        try {
            return new SelfDescription(info, version.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * @param info the {@code /info} answer's text, e.g. captured from an engine
     * @param version the {@code /version} answer's text
     * @return them as trees
     * @throws IOException when either is not JSON
     */
    public static SelfDescription parse(InputStream info, InputStream version) throws IOException {
        return new SelfDescription(JSON.readTree(info), JSON.readTree(version));
    }

    private static JsonNode get(DockerClient docker, String path) {
        JsonNode answer = EngineJson.get(docker, path,
                () -> "/info".equals(path) ? docker.infoCmd().exec() : docker.versionCmd().exec());
        if (!answer.isObject()) {
            throw new DockerException("GET " + path + " answered " + answer.getNodeType() + ", not an object", 200);
        }
        return answer;
    }

    /**
     * @param field a field of {@code /info}
     * @return its text, or empty when it is absent or null
     */
    String infoText(String field) {
        return text(info, field);
    }

    /**
     * @param field a field of {@code /version}
     * @return its text, or empty when it is absent or null
     */
    String versionText(String field) {
        return text(version, field);
    }

    /**
     * @param field a numeric field of {@code /info}
     * @return its value, or -1 when it is absent or null
     */
    long infoNumber(String field) {
        JsonNode n = info.get(field);
        return n == null || !n.isNumber() ? -1 : n.asLong();
    }

    /**
     * @param field a boolean field of {@code /info}
     * @return true only when the engine answered {@code false}
     */
    boolean infoFalse(String field) {
        JsonNode n = info.get(field);
        return n != null && n.isBoolean() && !n.asBoolean();
    }

    /** @return the {@code SecurityOptions} of {@code /info} */
    List<String> securityOptions() {
        JsonNode n = info.get("SecurityOptions");
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(o -> out.add(o.asText()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        String text = EngineJson.text(node, field);
        return text == null ? "" : text;
    }
}
