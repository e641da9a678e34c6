package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.berth.modules.kafka.KafkaContainer;
import dev.berth.modules.kafka.KafkaSpec;
import dev.berth.modules.mariadb.MariaDbContainer;
import dev.berth.modules.mariadb.MariaDbSpec;
import dev.berth.modules.rabbitmq.RabbitSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * MariaDB (JDBC), RabbitMQ and Kafka reach Spring Boot's auto-configured clients through Berth's
 * {@code ConnectionDetails} beans alone: no property names a host or port. (PostgreSQL and Redis:
 * {@link ContextCachingTest}, {@link PooledResetTest}.) The test names no {@code ConnectionDetails} type, so it
 * compiles and runs on Boot 3.5 and 4.0 alike.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.group-id=berth"})
class ConnectionDetailsTest {
    @BerthServiceConnection
    static MariaDbSpec db = MariaDbSpec.of().withStartupTimeout(Duration.ofMinutes(3));
    @BerthServiceConnection
    static RabbitSpec broker = RabbitSpec.of().withStartupTimeout(Duration.ofMinutes(3));
    @BerthServiceConnection
    static KafkaSpec events = KafkaSpec.of().withStartupTimeout(Duration.ofMinutes(3));

    @Autowired
    ApplicationContext context;
    @Autowired
    BerthServices services;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    ConsumerFactory<Object, Object> consumers;

    @Test
    void jdbcConnectsToMariaDb() {
        MariaDbContainer mariadb = MariaDbContainer.of(services.container("db").orElseThrow());
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(mariadb.jdbcUrl());
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
    }

    @Test
    void rabbitTemplateRoundTrips() {
        rabbit.execute(channel -> channel.queueDeclare("berth-orders", false, false, true, null));
        rabbit.convertAndSend("", "berth-orders", "order-1");
        assertThat(rabbit.receiveAndConvert("berth-orders", 30_000)).isEqualTo("order-1");
    }

    @Test
    void kafkaTemplateAndConsumerRoundTrip() throws Exception {
        KafkaContainer broker = KafkaContainer.of(services.container("events").orElseThrow());
        assertThat(consumers.getConfigurationProperties().get("bootstrap.servers"))
                .asString().contains(broker.bootstrapServers());
        kafka.send("berth-events", "hello").get(60, TimeUnit.SECONDS);
        try (Consumer<Object, Object> consumer = consumers.createConsumer()) {
            consumer.subscribe(List.of("berth-events"));
            List<Object> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<Object, Object> records = consumer.poll(Duration.ofSeconds(1));
                records.forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void everyServiceIsAConnectionDetailsBeanOfBerth() {
        for (String field : List.of("db", "broker", "events")) {
            Object details = context.getBean("berth." + ConnectionDetailsTest.class.getName() + "." + field);
            assertThat(details.getClass().getInterfaces()).singleElement()
                    .satisfies(type -> assertThat(type.getSimpleName()).endsWith("ConnectionDetails"));
        }
    }
}
