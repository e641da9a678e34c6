package dev.berth.spring;

import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import dev.berth.modules.kafka.KafkaContainer;
import dev.berth.modules.kafka.KafkaSpec;
import dev.berth.modules.mariadb.MariaDbContainer;
import dev.berth.modules.mariadb.MariaDbSpec;
import dev.berth.modules.postgres.PostgresContainer;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.rabbitmq.RabbitContainer;
import dev.berth.modules.rabbitmq.RabbitSpec;
import dev.berth.modules.redis.RedisContainer;
import dev.berth.modules.redis.RedisSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The services Berth connects Spring Boot to: which image and spec type each is recognised by, its main
 * port, and the {@code ConnectionDetails} interface of each Boot line (Boot 4 moved them into per-technology
 * modules and packages).
 */
enum ServiceKind {
    POSTGRES("PostgreSQL", PostgresSpec.class, "postgres", PostgresSpec.PORT,
            "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails",
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
            "spring-boot-starter-jdbc"),
    MARIADB("MariaDB", MariaDbSpec.class, "mariadb", MariaDbSpec.PORT,
            "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails",
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
            "spring-boot-starter-jdbc"),
    REDIS("Redis", RedisSpec.class, "redis", RedisSpec.PORT,
            "org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
            "spring-boot-starter-data-redis"),
    RABBITMQ("RabbitMQ", RabbitSpec.class, "rabbitmq", RabbitSpec.PORT,
            "org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails",
            "org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails",
            "spring-boot-starter-amqp"),
    KAFKA("Kafka", KafkaSpec.class, "apache/kafka", KafkaSpec.PORT,
            "org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails",
            "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails",
            "spring-kafka (Boot 3.5) or spring-boot-starter-kafka (Boot 4)");

    private final String label;
    private final Class<?> specType;
    private final String repository;
    private final int port;
    private final List<String> detailsTypes;
    private final String starter;

    ServiceKind(String label, Class<?> specType, String repository, int port, String boot3Details,
                String boot4Details, String starter) {
        this.label = label;
        this.specType = specType;
        this.repository = repository;
        this.port = port;
        this.detailsTypes = List.of(boot3Details, boot4Details);
        this.starter = starter;
    }

    /** @return the service's name for people, e.g. {@code PostgreSQL} */
    String label() {
        return label;
    }

    /** @return the container port clients connect to */
    int port() {
        return port;
    }

    /** @return the {@code ConnectionDetails} interface names, Boot 3.5's first, then Boot 4's */
    List<String> detailsTypes() {
        return detailsTypes;
    }

    /** @return what to add to the build when no details interface is on the classpath */
    String starter() {
        return starter;
    }

    /** @return the official image repository that names this service, e.g. {@code postgres} */
    String repository() {
        return repository;
    }

    /** @return true when snapshots of it can be restored behind the same endpoint (not Kafka: it advertises its port) */
    boolean resettable() {
        return this != KAFKA;
    }

    /** @return the kind a module spec instance is, if any */
    static Optional<ServiceKind> ofSpecType(Class<?> type) {
        return Arrays.stream(values()).filter(k -> k.specType == type).findFirst();
    }

    /** @return the kind an image's repository names ({@code postgres}, {@code library/redis}, a mirror's {@code …/redis}) */
    static Optional<ServiceKind> ofImage(ContainerSpec spec) {
        String repo = spec.image().repository();
        return Arrays.stream(values())
                .filter(k -> repo.equals(k.repository) || repo.endsWith("/" + k.repository)
                        || (k == KAFKA && (repo.equals("kafka") || repo.endsWith("/kafka"))))
                .findFirst();
    }

    /** @return the module spec's core spec (a {@code ContainerSpec} is returned as it is) */
    static ContainerSpec toContainerSpec(Object spec) {
        if (spec instanceof ContainerSpec c) {
            return c;
        } else if (spec instanceof PostgresSpec p) {
            return p.toContainerSpec();
        } else if (spec instanceof MariaDbSpec m) {
            return m.toContainerSpec();
        } else if (spec instanceof RedisSpec r) {
            return r.toContainerSpec();
        } else if (spec instanceof RabbitSpec r) {
            return r.toContainerSpec();
        } else if (spec instanceof KafkaSpec k) {
            return k.toContainerSpec();
        }
        throw new IllegalArgumentException("not a Berth spec: " + spec);
    }

    /**
     * @param container the running service (or a view of it behind a stable endpoint)
     * @return what its {@code ConnectionDetails} report, in the words of the module handle
     */
    Endpoint endpoint(RunningContainer container) {
        return switch (this) {
            case POSTGRES -> {
                PostgresContainer pg = PostgresContainer.of(container);
                yield new Endpoint(pg.jdbcUrl(), pg.username(), pg.password(), container.host(), pg.port(), "");
            }
            case MARIADB -> {
                MariaDbContainer db = MariaDbContainer.of(container);
                yield new Endpoint(db.jdbcUrl(), db.username(), db.password(), container.host(), db.port(), "");
            }
            case REDIS -> {
                RedisContainer r = RedisContainer.of(container);
                yield new Endpoint(r.uri(), null, r.password().orElse(null), r.host(), r.port(), "");
            }
            case RABBITMQ -> {
                RabbitContainer r = RabbitContainer.of(container);
                yield new Endpoint(r.amqpUrl(), r.username(), r.password(), r.host(), r.port(), r.vhost());
            }
            case KAFKA -> {
                KafkaContainer k = KafkaContainer.of(container);
                yield new Endpoint(k.bootstrapServers(), null, null, container.host(), container.mappedPort(port), "");
            }
        };
    }

    /**
     * The connection facts of one running service.
     *
     * @param url the JDBC URL, Redis URI, AMQP URL or Kafka bootstrap servers
     * @param username the user, or null
     * @param password the password, or null
     * @param host the host clients connect to
     * @param port the host port clients connect to
     * @param virtualHost RabbitMQ's vhost (empty for the others)
     */
    record Endpoint(String url, String username, String password, String host, int port, String virtualHost) {
    }
}
