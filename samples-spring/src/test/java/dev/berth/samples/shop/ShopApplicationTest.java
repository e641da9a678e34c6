package dev.berth.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.rabbitmq.RabbitSpec;
import dev.berth.modules.redis.RedisSpec;
import dev.berth.spring.BerthServiceConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shop against real PostgreSQL, Redis and RabbitMQ containers, wired by {@code @BerthServiceConnection}
 * (no properties). The database resets before every test, under the application's HikariCP pool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {
    @BerthServiceConnection(resetPerTest = true)
    static PostgresSpec db = PostgresSpec.of().withStartupTimeout(Duration.ofMinutes(3));
    @BerthServiceConnection
    static RedisSpec cache = RedisSpec.of();
    @BerthServiceConnection
    static RabbitSpec broker = RabbitSpec.of();

    @Value("${local.server.port}")
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servesTheSeededItemsOverHttp() throws Exception {
        HttpResponse<String> kettle = get("/items/1");
        assertThat(kettle.statusCode()).isEqualTo(200);
        assertThat(kettle.body()).contains("\"name\":\"kettle\"", "\"stock\":3");
        assertThat(get("/items/99").statusCode()).isEqualTo(404);
    }

    @Test
    void anOrderOverRabbitMqTakesFromTheStock() throws Exception {
        assertThat(get("/items/1").body()).as("the seed, whatever ran before").contains("\"stock\":3");
        rabbit.convertAndSend(OrderListener.QUEUE, "1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT stock FROM item WHERE id = 1", Integer.class)).isEqualTo(2));
        assertThat(get("/items/1").body()).as("the cached copy was evicted").contains("\"stock\":2");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
