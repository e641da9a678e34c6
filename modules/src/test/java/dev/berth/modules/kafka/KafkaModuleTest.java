package dev.berth.modules.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.FileCopy;
import dev.berth.NetworkSpec;
import dev.berth.RunningContainer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaModuleTest {
    private static Engine engine;
    private static KafkaContainer kafka;
    private static String network;

    @BeforeAll
    static void start() {
        engine = Berth.connect();
        network = engine.network(NetworkSpec.of("kafka-net")).name();
        kafka = KafkaSpec.of().withNetwork(network, "broker").start(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    @Test
    void producerAndConsumerRoundTripThroughTheHostListener() throws Exception {
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("orders", "k", "order-1")).get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "host");
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("orders"));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    value = records.iterator().next().value();
                }
            }
            assertThat(value).isEqualTo("order-1");
        }
    }

    @Test
    void containerOnTheSameNetworkConsumesThroughTheInternalListener() throws Exception {
        assertThat(kafka.internalBootstrapServers()).isEqualTo("broker:9094");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("internal", "k", "from-the-host")).get();
        }
        Path classFile = Path.of(InternalConsumer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/berth/modules/kafka/InternalConsumer.class");
        ContainerSpec consumer = ContainerSpec.of(kafka.container().spec().image())
                .withEntrypoint("java", "-cp", "/tmp/berth:/opt/kafka/libs/*", "dev.berth.modules.kafka.InternalConsumer",
                        kafka.internalBootstrapServers(), "internal")
                .withCommand()
                .withFile(new FileCopy("/tmp/berth/dev/berth/modules/kafka/InternalConsumer.class",
                        new FileCopy.HostFile(classFile), 0644))
                .withNetwork(network);
        try (RunningContainer c = engine.start(consumer)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (c.state().running() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(c.logs().all()).contains("consumed: from-the-host");
        }
    }

    @Test
    void takenHostPortFailsBeforeAnyContainerExists() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> KafkaSpec.of().withHostPort(port).start(engine))
                    .isInstanceOf(BerthException.class)
                    .hasMessage("Kafka host port " + port + " is already in use on 127.0.0.1; Kafka advertises its host port"
                            + " before it starts, so it must be free: choose another with withHostPort(…) or leave it out"
                            + " to get a free one");
        }
    }

    @Test
    void invalidOptionsAreRejectedInCoresFormat() {
        assertThatThrownBy(() -> KafkaSpec.of().withHostPort(70000))
                .hasMessage("Invalid Kafka host port: 70000. Allowed: 1 to 65535. Example: 19092.");
        assertThatThrownBy(() -> KafkaSpec.of().withNetwork("app", "-bad"))
                .hasMessage("Invalid Kafka network alias: \"-bad\". Allowed: 1 to 63 letters, digits, _ . -, starting with a "
                        + "letter or digit. Example: \"kafka\".");
    }
}
