package dev.berth.modules.redis;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.modules.ProtocolWait;
import dev.berth.modules.Settings;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Redis server to start: image {@value #DEFAULT_IMAGE}, no password. Immutable; {@code with…} returns
 * validated copies. Ready when {@code PING} answers {@code PONG} on the published port (RESP spoken by
 * Berth itself: no client library needed).
 *
 * <pre>{@code
 * try (RedisContainer redis = RedisSpec.of().withPassword("s3cret").start(engine)) {
 *     Jedis jedis = new Jedis(URI.create(redis.uri()));
 * }
 * }</pre>
 */
public final class RedisSpec {
    /** The image started by default. */
    public static final String DEFAULT_IMAGE = "redis:7";
    /** The server's port inside the container. */
    public static final int PORT = 6379;

    private final ImageRef image;
    private final String password;
    private final Duration startupTimeout;

    private RedisSpec(ImageRef image, String password, Duration startupTimeout) {
        this.image = image;
        this.password = password;
        this.startupTimeout = startupTimeout;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, no password */
    public static RedisSpec of() {
        return new RedisSpec(ImageRef.parse(DEFAULT_IMAGE), null, Duration.ofSeconds(30));
    }

    /**
     * @param image another Redis image, e.g. {@code "redis:7.2"}
     * @return a copy
     */
    public RedisSpec withImage(String image) {
        return new RedisSpec(ImageRef.parse(image), password, startupTimeout);
    }

    /**
     * @param password the server's {@code requirepass}
     * @return a copy
     */
    public RedisSpec withPassword(String password) {
        return new RedisSpec(image, Settings.password("Redis password", password, "\"s3cret\""), startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take; 30 s by default
     * @return a copy
     */
    public RedisSpec withStartupTimeout(Duration timeout) {
        return new RedisSpec(image, password, Settings.positive("Redis startup timeout", timeout));
    }

    /** @return the image */
    public ImageRef image() {
        return image;
    }

    /** @return the password, if one is required */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return readiness: {@code PING} → {@code PONG} (after {@code AUTH}) */
    public WaitStrategy waitStrategy() {
        return ProtocolWait.until("Redis to answer PING on port " + PORT, new RedisPing(password));
    }

    /**
     * @return image, port 6379, the server command (all interfaces, protected mode off, {@code --dir /data},
     *     {@code --requirepass} when set, and {@code REDIS_PASSWORD} for {@code redis-cli}), readiness, startup
     *     timeout, {@code SAVE} as the snapshot preparation
     */
    public ContainerSpec toContainerSpec() {
        ContainerSpec spec = ContainerSpec.of(image).withExposedPorts(PORT).waitingFor(waitStrategy())
                .withStartupTimeout(startupTimeout)
                .withSnapshotPrepare(RedisContainer.PREPARE.toArray(String[]::new));
        if (password != null) {
            spec = spec.withEnv(RedisContainer.PASSWORD_ENV, password);
            spec = spec.withCommand("redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data",
                    "--requirepass", password);
        }
        return spec;
    }

    /**
     * @param engine the engine
     * @return the started, ready server
     */
    public RedisContainer start(Engine engine) {
        return start(engine, UnaryOperator.identity());
    }

    /**
     * @param engine the engine
     * @param refine changes to the core spec
     * @return the started, ready server
     */
    public RedisContainer start(Engine engine, UnaryOperator<ContainerSpec> refine) {
        return new RedisContainer(engine.start(refine.apply(toContainerSpec())), password);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedisSpec r && image.equals(r.image) && Objects.equals(password, r.password)
                && startupTimeout.equals(r.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, password, startupTimeout);
    }

    @Override
    public String toString() {
        return "RedisSpec[" + image + (password == null ? "" : ", password=****") + "]";
    }
}
