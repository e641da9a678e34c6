package dev.berth.modules.rabbitmq;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.berth.RunningContainer;
import dev.berth.modules.ProtocolWait;
import java.io.IOException;

/**
 * Readiness of RabbitMQ: a full AMQP 0-9-1 connection (protocol header, start/tune/open of the virtual
 * host with the module's credentials) through {@code com.rabbitmq:amqp-client}; ready once it opens.
 */
final class AmqpHandshake implements ProtocolWait.Probe {
    private final String user;
    private final String password;
    private final String vhost;

    AmqpHandshake(String user, String password, String vhost) {
        this.user = user;
        this.password = password;
        this.vhost = vhost;
    }

    @Override
    public void probe(RunningContainer container) throws Exception {
        ConnectionFactory factory;
        try {
            factory = new ConnectionFactory();
        } catch (NoClassDefFoundError e) {
            throw new ProtocolWait.Rejected("the RabbitMQ readiness check needs com.rabbitmq:amqp-client on the "
                    + "test classpath; add it to the test dependencies", e);
        }
        factory.setHost(container.host());
        factory.setPort(container.mappedPort(RabbitSpec.PORT));
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(2000);
        factory.setHandshakeTimeout(2000);
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("berth-readiness")) {
            if (!connection.isOpen()) {
                throw new IOException("connection not open");
            }
        } catch (AuthenticationFailureException e) {
            throw new ProtocolWait.Rejected("RabbitMQ rejected the login of user \"" + user + "\": " + e.getMessage()
                    + ". Check withUsername(…)/withPassword(…)", e);
        }
    }
}
