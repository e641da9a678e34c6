package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import dev.berth.junit.Compose;
import dev.berth.junit.ComposeService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Sample 4 again, from a compose file ({@code compose/multi-container/docker-compose.yml}) instead of
 * annotations, with the same assertions as {@link MultiContainerAppSample}: the app counts visits in
 * Redis, reached by the alias {@code cache} on the {@code backend} network, and
 * {@code depends_on: service_healthy} starts Redis first. Berth reads the file itself; no compose binary.
 */
@Compose("src/test/resources/compose/multi-container/docker-compose.yml")
class ComposeMultiContainerAppSample {

    @Test
    void theAppCountsVisitsInRedisByAlias(@ComposeService("app") RunningContainer app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://" + app.host() + ":" + app.mappedPort(8080) + "/cgi-bin/visits");
        String first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        String second = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        long n = Long.parseLong(first.trim().substring("visits=".length()));
        assertThat(second.trim()).isEqualTo("visits=" + (n + 1));
    }

    @Test
    void redisStartedBeforeTheApp(@ComposeService("redis") RunningContainer redis,
                                  @ComposeService("app") RunningContainer app) {
        assertThat(redis.state().startedAt().orElseThrow()).isBefore(app.state().startedAt().orElseThrow());
    }
}
