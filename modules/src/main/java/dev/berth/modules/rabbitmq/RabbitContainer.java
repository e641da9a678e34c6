package dev.berth.modules.rabbitmq;

import dev.berth.RunningContainer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A running RabbitMQ broker. A snapshot of it keeps the broker's Mnesia directory
 * ({@code /var/lib/rabbitmq}: users, virtual hosts, durable queues and their persistent messages) but
 * the node name is tied to the container's hostname, so give the container a fixed hostname if you
 * restore snapshots. Closing it removes the container.
 */
public final class RabbitContainer implements AutoCloseable {
    private final RunningContainer container;
    private final String username;
    private final String password;
    private final String vhost;

    RabbitContainer(RunningContainer container, String username, String password, String vhost) {
        this.container = Objects.requireNonNull(container, "container");
        this.username = username;
        this.password = password;
        this.vhost = vhost;
    }

    /**
     * Attaches to a RabbitMQ container started elsewhere, reading {@code RABBITMQ_DEFAULT_*} from its environment.
     *
     * @param container a running container of a RabbitMQ image
     * @return its handle
     */
    public static RabbitContainer of(RunningContainer container) {
        var env = container.spec().env();
        return new RabbitContainer(container, env.getOrDefault("RABBITMQ_DEFAULT_USER", "guest"),
                env.getOrDefault("RABBITMQ_DEFAULT_PASS", "guest"), env.getOrDefault("RABBITMQ_DEFAULT_VHOST", "/"));
    }

    /** @return {@code amqp://user:password@127.0.0.1:<port>/<vhost>} (URL-encoded; {@code /} is {@code %2F}) */
    public String amqpUrl() {
        return "amqp://" + enc(username) + ":" + enc(password) + "@" + container.host() + ":" + port() + "/" + enc(vhost);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @return the host to connect to */
    public String host() {
        return container.host();
    }

    /** @return the host port AMQP is published on */
    public int port() {
        return container.mappedPort(RabbitSpec.PORT);
    }

    /** @return the user name */
    public String username() {
        return username;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /** @return the virtual host */
    public String vhost() {
        return vhost;
    }

    /** @return the container */
    public RunningContainer container() {
        return container;
    }

    /** Stops and removes the container. Idempotent. */
    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "RabbitContainer[" + container.name() + ", vhost=" + vhost + "]";
    }
}
