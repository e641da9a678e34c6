package dev.berth.bench;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.modules.kafka.KafkaSpec;
import dev.berth.modules.mariadb.MariaDbSpec;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.rabbitmq.RabbitSpec;
import dev.berth.modules.redis.RedisSpec;
import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Scenario 7: time to ready of each service module ({@code spec.start(engine)}) against the same image
 * started raw (the module's core spec with no wait) followed by a host-side protocol poll written by
 * hand (the same probe: a query, PING, an AMQP open, a metadata request). Images are mapped to the
 * loopback fixtures with {@code berth.image.prefix} / {@code berth.image.substitutions}, set here when absent.
 */
final class ModuleReady {
    /** Scenario ids, one per module. */
    static final List<String> IDS = List.of("module-postgres", "module-mariadb", "module-redis", "module-rabbitmq",
            "module-kafka");

    private ModuleReady() {
    }

    static Scenario create(String id) {
        System.setProperty("berth.image.prefix", System.getProperty("berth.image.prefix", "localhost:5000/berth-fixtures/"));
        System.setProperty("berth.image.substitutions", System.getProperty("berth.image.substitutions",
                "apache/kafka:4.1.1=localhost:5000/berth-fixtures/kafka:4"));
        Supplier<ContainerSpec> spec = switch (id) {
            case "module-postgres" -> () -> PostgresSpec.of().toContainerSpec();
            case "module-mariadb" -> () -> MariaDbSpec.of().toContainerSpec();
            case "module-redis" -> () -> RedisSpec.of().toContainerSpec();
            case "module-rabbitmq" -> () -> RabbitSpec.of().toContainerSpec();
            case "module-kafka" -> () -> KafkaSpec.of().toContainerSpec();
            default -> throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + IDS);
        };
        return new Scenario(id, "7. Module time to ready: " + id.substring(7),
                "start → the service answers its own protocol from the host (removal not timed)",
                List.of(new Ready("raw start + protocol poll", spec, true), new Ready("module", spec, false)));
    }

    /** One variant: the module's spec as is, or without its wait followed by the same poll by hand. */
    private static final class Ready implements Variant {
        private final String name;
        private final Supplier<ContainerSpec> spec;
        private final boolean raw;
        private final Engine engine = Berth.connect();

        Ready(String name, Supplier<ContainerSpec> spec, boolean raw) {
            this.name = name;
            this.spec = spec;
            this.raw = raw;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long measure() {
            ContainerSpec s = spec.get();
            WaitStrategy poll = s.waitStrategy();
            long begin = System.nanoTime();
            RunningContainer c = engine.start(raw ? s.waitingFor(Wait.none()) : s);
            try {
                if (raw) {
                    poll.waitUntilReady(c, Duration.ofMinutes(2));
                }
                return System.nanoTime() - begin;
            } finally {
                c.close();
            }
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
