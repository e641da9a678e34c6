package dev.berth.modules.rabbitmq;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.modules.ProtocolWait;
import dev.berth.modules.Settings;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A RabbitMQ broker to start: image {@value #DEFAULT_IMAGE}, user and password {@code guest}, virtual host
 * {@code /}. Immutable; {@code with…} returns validated copies. Ready when an AMQP connection to the
 * virtual host opens from the test JVM ({@code com.rabbitmq:amqp-client} must be on the test classpath).
 *
 * <pre>{@code
 * try (RabbitContainer rabbit = RabbitSpec.of().withVhost("orders").start(engine)) {
 *     ConnectionFactory f = new ConnectionFactory();
 *     f.setUri(rabbit.amqpUrl());
 * }
 * }</pre>
 */
public final class RabbitSpec {
    /** The image started by default. */
    public static final String DEFAULT_IMAGE = "rabbitmq:3.10";
    /** The AMQP port inside the container. */
    public static final int PORT = 5672;

    private final ImageRef image;
    private final String username;
    private final String password;
    private final String vhost;
    private final Duration startupTimeout;

    private RabbitSpec(ImageRef image, String username, String password, String vhost, Duration startupTimeout) {
        this.image = image;
        this.username = username;
        this.password = password;
        this.vhost = vhost;
        this.startupTimeout = startupTimeout;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, {@code guest}/{@code guest}, virtual host {@code /} */
    public static RabbitSpec of() {
        return new RabbitSpec(ImageRef.parse(DEFAULT_IMAGE), "guest", "guest", "/", Duration.ofSeconds(90));
    }

    /**
     * @param image another RabbitMQ image honouring {@code RABBITMQ_DEFAULT_*}, e.g. {@code "rabbitmq:3.10-management"}
     * @return a copy
     */
    public RabbitSpec withImage(String image) {
        return new RabbitSpec(ImageRef.parse(image), username, password, vhost, startupTimeout);
    }

    /**
     * @param username the default user, e.g. {@code "app"}
     * @return a copy
     */
    public RabbitSpec withUsername(String username) {
        return new RabbitSpec(image, Settings.identifier("RabbitMQ username", username, "\"app\""), password, vhost,
                startupTimeout);
    }

    /**
     * @param password the default user's password
     * @return a copy
     */
    public RabbitSpec withPassword(String password) {
        return new RabbitSpec(image, username, Settings.password("RabbitMQ password", password, "\"s3cret\""), vhost,
                startupTimeout);
    }

    /**
     * @param vhost the default virtual host, e.g. {@code "orders"}
     * @return a copy
     */
    public RabbitSpec withVhost(String vhost) {
        return new RabbitSpec(image, username, password, Settings.vhost("RabbitMQ virtual host", vhost), startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take; 90 s by default
     * @return a copy
     */
    public RabbitSpec withStartupTimeout(Duration timeout) {
        return new RabbitSpec(image, username, password, vhost, Settings.positive("RabbitMQ startup timeout", timeout));
    }

    /** @return the image */
    public ImageRef image() {
        return image;
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

    /** @return readiness: an AMQP connection to the virtual host opens */
    public WaitStrategy waitStrategy() {
        return ProtocolWait.until("RabbitMQ to open an AMQP connection on port " + PORT,
                new AmqpHandshake(username, password, vhost));
    }

    /** @return image, port 5672, {@code RABBITMQ_DEFAULT_*} environment, readiness, startup timeout */
    public ContainerSpec toContainerSpec() {
        return ContainerSpec.of(image).withExposedPorts(PORT)
                .withEnv("RABBITMQ_DEFAULT_USER", username).withEnv("RABBITMQ_DEFAULT_PASS", password)
                .withEnv("RABBITMQ_DEFAULT_VHOST", vhost)
                .waitingFor(waitStrategy()).withStartupTimeout(startupTimeout);
    }

    /**
     * @param engine the engine
     * @return the started, ready broker
     */
    public RabbitContainer start(Engine engine) {
        return start(engine, UnaryOperator.identity());
    }

    /**
     * @param engine the engine
     * @param refine changes to the core spec
     * @return the started, ready broker
     */
    public RabbitContainer start(Engine engine, UnaryOperator<ContainerSpec> refine) {
        return new RabbitContainer(engine.start(refine.apply(toContainerSpec())), username, password, vhost);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RabbitSpec r && image.equals(r.image) && username.equals(r.username)
                && password.equals(r.password) && vhost.equals(r.vhost) && startupTimeout.equals(r.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, username, password, vhost, startupTimeout);
    }

    @Override
    public String toString() {
        return "RabbitSpec[" + image + ", username=" + username + ", vhost=" + vhost + "]";
    }
}
