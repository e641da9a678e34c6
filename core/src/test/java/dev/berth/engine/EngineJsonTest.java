package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.Engine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine answers read as trees (the sweep's lists, {@code /info}, {@code /version}), against the live engine: the
 * fields Berth reads are the ones docker-java's models give, and a failed call is docker-java's exception for it.
 */
class EngineJsonTest {
    private static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    private static Engine engine;
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
        docker = engine.docker();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void filtersAreTheEnginesJsonEncodedForAQuery() {
        String encoded = EngineJson.filters("label", List.of("dev.berth.session=a b", "x"));
        assertThat(encoded).doesNotContain(" ", "{", "\"");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo("{\"label\":[\"dev.berth.session=a b\",\"x\"]}");
    }

    @Test
    void aLabelFilteredListGivesTheFieldsDockerJavasModelGives() {
        String label = "berth.test.enginejson";
        String value = UUID.randomUUID().toString();
        String id = docker.createContainerCmd(BUSYBOX).withCmd("true").withName("berth-enginejson-" + value.substring(0, 8))
                .withLabels(Map.of(label, value, "other", "1")).exec().getId();
        try {
            JsonNode list = EngineJson.get(docker, "/containers/json?all=1&filters="
                    + EngineJson.filters("label", List.of(label + "=" + value)), () -> List.of());
            assertThat(list.isArray()).isTrue();
            List<String> ids = new ArrayList<>();
            list.forEach(c -> ids.add(EngineJson.text(c, "Id")));
            assertThat(ids).containsExactly(id);
            JsonNode c = list.get(0);
            var model = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec().get(0);
            assertThat(EngineJson.labels(c)).isEqualTo(model.getLabels()).containsEntry(label, value);
            assertThat(EngineJson.text(c, "ImageID")).isEqualTo(model.getImageId());
            assertThat(c.path("Names").get(0).asText()).isEqualTo(model.getNames()[0]);
            assertThat(EngineJson.text(c, "NoSuchField")).isNull();
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    @Test
    void aFailedCallIsTheExceptionDockerJavasOwnCommandGivesWithTheSameText() {
        // Docker answers a bad filter with 400, Podman with 500: whichever it is, the same as docker-java's command
        Throwable viaModels = catchThrowable(() -> docker.listContainersCmd().withFilter("no-such-filter", List.of("x"))
                .exec());
        Throwable viaTree = catchThrowable(() -> EngineJson.get(docker, "/containers/json?filters="
                + EngineJson.filters("no-such-filter", List.of("x")), () -> List.of()));
        assertThat(viaModels).isInstanceOf(DockerException.class);
        assertThat(viaTree).isExactlyInstanceOf(viaModels.getClass()).hasMessage(viaModels.getMessage());
        assertThat(EngineErrors.message(viaTree)).contains("no-such-filter");

        String missing = "berth-no-such-container-" + UUID.randomUUID();
        Throwable notFound = catchThrowable(() -> EngineJson.get(docker, "/containers/" + missing + "/json",
                () -> List.of()));
        assertThat(notFound).isExactlyInstanceOf(NotFoundException.class)
                .hasMessage(catchThrowable(() -> docker.inspectContainerCmd(missing).exec()).getMessage());
    }

    @Test
    void anotherClientIsAskedThroughItsModelsAndGivesTheSameTree() {
        DockerClient other = org.mockito.Mockito.mock(DockerClient.class);
        JsonNode tree = EngineJson.get(other, "/volumes", () -> Map.of("Volumes", List.of(Map.of("Name", "v",
                "Labels", Map.of("k", "v")))));
        assertThat(EngineJson.text(tree.path("Volumes").get(0), "Name")).isEqualTo("v");
        assertThat(EngineJson.labels(tree.path("Volumes").get(0))).containsExactly(Map.entry("k", "v"));
    }
}
