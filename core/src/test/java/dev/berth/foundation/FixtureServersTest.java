package dev.berth.foundation;

import dev.berth.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clients reach each server fixture through a port published on 127.0.0.1. */
class FixtureServersTest {
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void redisAnswersPingWithPong() {
        try (RunningContainer redis = engine.start(ContainerSpec.of(Fixtures.REDIS).withExposedPorts(6379))) {
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            String reply = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> ping(redis.host(), redis.mappedPort(6379)), r -> r.equals("+PONG"));
            assertThat(reply).isEqualTo("+PONG");
        }
    }

    @Test
    void postgresAnswersSelectOneWithThePasswordFromEnv() {
        try (RunningContainer pg = engine.start(ContainerSpec.of(Fixtures.POSTGRES).withExposedPorts(5432)
                .withEnv("POSTGRES_PASSWORD", "s3cret").withEnv("POSTGRES_DB", "orders"))) {
            String url = "jdbc:postgresql://" + pg.host() + ":" + pg.mappedPort(5432) + "/orders";
            int one = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> selectOne(url, "postgres", "s3cret"), v -> v == 1);
            assertThat(one).isEqualTo(1);
        }
    }

    @Test
    void nginxServesItsDefaultPage() {
        try (RunningContainer nginx = engine.start(ContainerSpec.of(Fixtures.NGINX).withExposedPorts(80))) {
            URI uri = URI.create("http://" + nginx.host() + ":" + nginx.mappedPort(80) + "/");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()),
                            r -> r != null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Welcome to nginx");
        }
    }

    private static String ping(String host, int port) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII).trim();
        }
    }

    private static int selectOne(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
