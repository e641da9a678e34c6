package dev.berth.modules.kafka;

import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import java.util.Objects;

/** A running single-node Kafka. Closing it removes the container. */
public final class KafkaContainer implements AutoCloseable {
    private final RunningContainer container;
    private final String bootstrap;
    private final String internal;

    private KafkaContainer(RunningContainer container, String bootstrap, String internal) {
        this.container = Objects.requireNonNull(container, "container");
        this.bootstrap = bootstrap;
        this.internal = internal;
    }

    /**
     * Attaches to a Kafka container started from {@link KafkaSpec#toContainerSpec()}, reading the
     * {@code HOST} and {@code BROKER} listeners from its {@code KAFKA_ADVERTISED_LISTENERS}.
     *
     * @param container a running container started from a {@link KafkaSpec}
     * @return its handle
     * @throws InvalidSpecException if the container does not advertise both listeners
     */
    public static KafkaContainer of(RunningContainer container) {
        String advertised = container.spec().env().getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        String host = null;
        String broker = null;
        for (String listener : advertised.split(",")) {
            String l = listener.strip();
            if (l.startsWith("HOST://")) {
                host = l.substring(7);
            } else if (l.startsWith("BROKER://")) {
                broker = l.substring(9);
            }
        }
        if (host == null || broker == null) {
            throw new InvalidSpecException("Kafka advertised listeners", advertised,
                    "HOST://host:port and BROKER://alias:port, as KafkaSpec.toContainerSpec() sets them",
                    "HOST://127.0.0.1:19092,BROKER://kafka:9094");
        }
        return new KafkaContainer(container, host, broker);
    }

    /** @return {@code 127.0.0.1:<port>}: the bootstrap servers for clients in the test JVM */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** @return {@code <alias>:9094}: the bootstrap servers for containers on the same network */
    public String internalBootstrapServers() {
        return internal;
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
        return "KafkaContainer[" + container.name() + ", " + bootstrap + "]";
    }
}
