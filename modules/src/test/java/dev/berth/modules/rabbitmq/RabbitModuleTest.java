package dev.berth.modules.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.berth.Berth;
import dev.berth.ContainerStartException;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RabbitModuleTest {
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
    void amqpUrlPublishesAndConsumesOnTheVirtualHost() throws Exception {
        try (RabbitContainer rabbit = RabbitSpec.of().withUsername("app").withPassword("s3cret").withVhost("orders")
                .start(engine)) {
            assertThat(rabbit.amqpUrl()).isEqualTo("amqp://app:s3cret@127.0.0.1:" + rabbit.port() + "/orders");
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(rabbit.amqpUrl());
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                channel.queueDeclare("shipments", false, false, false, null);
                channel.basicPublish("", "shipments", null, "crate-7".getBytes(StandardCharsets.UTF_8));
                GetResponse got = null;
                for (int i = 0; i < 50 && got == null; i++) {
                    got = channel.basicGet("shipments", true);
                    if (got == null) {
                        Thread.sleep(100);
                    }
                }
                assertThat(got).isNotNull();
                assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("crate-7");
            }
            ConnectionFactory wrong = new ConnectionFactory();
            wrong.setUri(rabbit.amqpUrl().replace("s3cret", "wrong"));
            assertThatThrownBy(wrong::newConnection).hasMessageContaining("ACCESS_REFUSED");
        }
    }

    @Test
    void wrongCredentialsEndTheWaitAtOnceNamingTheUser() {
        assertThatThrownBy(() -> RabbitSpec.of().withPassword("right")
                .start(engine, s -> s.withEnv("RABBITMQ_DEFAULT_PASS", "other")))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("RabbitMQ rejected the login of user \"guest\"");
    }

    @Test
    void invalidVhostIsRejectedInCoresFormat() {
        assertThatThrownBy(() -> RabbitSpec.of().withVhost("a b"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid RabbitMQ virtual host: \"a b\". Allowed: / or 1 to 255 letters, digits, _ . / -. "
                        + "Example: \"/\" or \"orders\".");
    }
}
