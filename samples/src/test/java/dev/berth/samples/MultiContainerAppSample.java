package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.FileCopy;
import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WithNetwork;
import dev.berth.junit.WaitFor;
import dev.berth.wait.Wait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Sample 4 — a multi-container app on a declared network: a tiny web app (busybox httpd with a
 * CGI script) counts visits in Redis, which it reaches by the alias {@code cache} on the
 * {@code backend} network. The test only talks to the app, through its published port;
 * {@code dependsOn} starts Redis (and waits for it) before the app.
 */
@DockerTest
@WithNetwork(name = "backend")
class MultiContainerAppSample {

    @Container(image = "localhost:5000/berth-fixtures/redis:7", network = "backend", aliases = "cache",
               waitFor = @WaitFor(log = ".*Ready to accept connections.*"))
    static RunningContainer redis;

    @Container(ports = 8080, network = "backend", aliases = "app", dependsOn = "redis")
    static ContainerSpec app = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1")
            .withFile(new FileCopy("/www/cgi-bin/visits", new FileCopy.ClasspathResource("app/visits.cgi"), 0755))
            .withCommand("httpd", "-f", "-p", "8080", "-h", "/www")
            .waitingFor(Wait.forHttp("/"));

    @Test
    void theAppCountsVisitsInRedisByAlias(RunningContainer app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://" + app.host() + ":" + app.mappedPort(8080) + "/cgi-bin/visits");
        String first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        String second = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        long n = Long.parseLong(first.trim().substring("visits=".length()));
        assertThat(second.trim()).isEqualTo("visits=" + (n + 1));
    }

    @Test
    void redisStartedBeforeTheApp(RunningContainer redis, RunningContainer app) {
        assertThat(redis.state().startedAt().orElseThrow()).isBefore(app.state().startedAt().orElseThrow());
    }
}
