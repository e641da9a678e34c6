package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.modules.kafka.KafkaContainer;
import dev.berth.modules.kafka.KafkaSpec;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Kafka (one KRaft node) through its module: produce and consume through {@code bootstrapServers()}. */
class KafkaSample {
    @Test
    void producesAndConsumesAnEvent() throws Exception {
        try (Engine engine = Berth.connect(); KafkaContainer kafka = KafkaSpec.of().start(engine)) {
            Properties producerProps = new Properties();
            producerProps.put("bootstrap.servers", kafka.bootstrapServers());
            producerProps.put("key.serializer", StringSerializer.class.getName());
            producerProps.put("value.serializer", StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
                producer.send(new ProducerRecord<>("shipments", "order-7", "shipped")).get();
            }
            Properties consumerProps = new Properties();
            consumerProps.put("bootstrap.servers", kafka.bootstrapServers());
            consumerProps.put("group.id", "sample");
            consumerProps.put("auto.offset.reset", "earliest");
            consumerProps.put("key.deserializer", StringDeserializer.class.getName());
            consumerProps.put("value.deserializer", StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
                consumer.subscribe(List.of("shipments"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 60 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertThat(records.iterator().next().value()).isEqualTo("shipped");
            }
        }
    }
}
