package dev.berth.modules.redis;

import dev.berth.RunningContainer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A running Redis server. Closing it removes the container. */
public final class RedisContainer implements AutoCloseable {
    /** The container variable holding the password for {@code redis-cli} (masked in reports like every *PASSWORD*). */
    static final String PASSWORD_ENV = "REDIS_PASSWORD";
    /** {@code redis-cli SAVE}, authenticated from the environment when a password is set. */
    static final List<String> PREPARE = List.of("sh", "-c",
            "if [ -n \"${REDIS_PASSWORD:-}\" ]; then redis-cli --no-auth-warning -a \"$REDIS_PASSWORD\" SAVE; else redis-cli SAVE; fi");
    private final RunningContainer container;
    private final String password;

    RedisContainer(RunningContainer container, String password) {
        this.container = Objects.requireNonNull(container, "container");
        this.password = password;
    }

    /**
     * Attaches to a Redis container started elsewhere; the password is read from a
     * {@code --requirepass} argument of its command, if any.
     *
     * @param container a running container of a Redis image
     * @return its handle
     */
    public static RedisContainer of(RunningContainer container) {
        List<String> command = container.spec().command();
        int i = command.indexOf("--requirepass");
        return new RedisContainer(container, i >= 0 && i + 1 < command.size() ? command.get(i + 1) : null);
    }

    /** @return {@code redis://127.0.0.1:<port>}, with {@code :password@} when one is set */
    public String uri() {
        String auth = password == null ? "" : ":" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "@";
        return "redis://" + auth + container.host() + ":" + port();
    }

    /** @return the host to connect to */
    public String host() {
        return container.host();
    }

    /** @return the host port the server is published on */
    public int port() {
        return container.mappedPort(RedisSpec.PORT);
    }

    /** @return the password, if one is required */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * @return what to run before a snapshot: {@code redis-cli SAVE}, so the data set is on disk in
     *     {@code /data/dump.rdb} and restored copies load it
     */
    public List<String> snapshotPrepareCommand() {
        return PREPARE;
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
        return "RedisContainer[" + container.name() + "]";
    }
}
