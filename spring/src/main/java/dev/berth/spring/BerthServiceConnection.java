package dev.berth.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static field of a test class (or of a configuration class imported with
 * {@link ImportBerthServices}) as a service the application connects to: Berth starts the container when
 * the application context is created, registers Spring Boot {@code ConnectionDetails} for it (JDBC for
 * PostgreSQL and MariaDB, Redis, RabbitMQ, Kafka) and removes it when that context closes ({@link #shared()}:
 * when the last context using it closes).
 *
 * <p>The field holds a module spec ({@code PostgresSpec}, {@code MariaDbSpec}, {@code RedisSpec},
 * {@code RabbitSpec}, {@code KafkaSpec}) or a core {@code ContainerSpec} of one of the official images
 * ({@code postgres}, {@code mariadb}, {@code redis}, {@code rabbitmq}, {@code apache/kafka}).
 *
 * <pre>{@code
 * @SpringBootTest
 * class ShopTest {
 *     @BerthServiceConnection
 *     static PostgresSpec db = PostgresSpec.of().withInitScript("classpath:schema.sql");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BerthServiceConnection {

    /**
     * @return true to give every test method a pristine copy of the service (the state after the context
     *     started), behind a host endpoint that stays the same so connection pools keep working. PostgreSQL,
     *     MariaDB, Redis and RabbitMQ.
     */
    boolean resetPerTest() default false;

    /**
     * @return true to back every application context that declares this service (the same field name and
     *     spec, typically a field of a common base class whose subclasses get different contexts) with one
     *     container; each context holds a reference until it closes, and the container is removed with the
     *     last one (at JVM exit at the latest). False (the default): each context starts its own. Not together
     *     with {@link #resetPerTest()}: resetting a container other contexts use would change their data.
     */
    boolean shared() default false;
}
