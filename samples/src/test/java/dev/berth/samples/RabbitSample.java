package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.modules.rabbitmq.RabbitContainer;
import dev.berth.modules.rabbitmq.RabbitSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RabbitMQ through its module and the fluent API: one AMQP URL carries host, port, user and virtual host. */
class RabbitSample {
    @Test
    void publishesAndConsumesAMessage() throws Exception {
        try (Engine engine = Berth.connect();
             RabbitContainer rabbit = RabbitSpec.of().withUsername("shop").withPassword("sample-secret")
                     .withVhost("orders").start(engine)) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(rabbit.amqpUrl());
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                channel.queueDeclare("invoices", true, false, false, null);
                channel.basicPublish("", "invoices", null, "invoice-42".getBytes(StandardCharsets.UTF_8));
                GetResponse message = null;
                for (int i = 0; i < 50 && message == null; i++) {
                    message = channel.basicGet("invoices", true);
                    if (message == null) {
                        Thread.sleep(100);
                    }
                }
                assertThat(message).isNotNull();
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("invoice-42");
            }
        }
    }
}
