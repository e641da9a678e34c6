package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import dev.berth.modules.kafka.KafkaSpec;
import dev.berth.modules.postgres.PostgresSpec;
import dev.berth.modules.rabbitmq.RabbitSpec;
import dev.berth.modules.redis.RedisSpec;
import org.junit.jupiter.api.Test;

/** Reading {@code @BerthServiceConnection} fields: kinds, cache keys, and the exact errors — no engine. */
class DeclarationTest {

    static class Services {
        @BerthServiceConnection
        static PostgresSpec db = PostgresSpec.of();
        @BerthServiceConnection(resetPerTest = true)
        static ContainerSpec cache = ContainerSpec.of("redis:7");
        static RedisSpec notDeclared = RedisSpec.of();
    }

    static class SameServices extends Services {
    }

    static class Busybox {
        @BerthServiceConnection
        static ContainerSpec box = ContainerSpec.of("busybox:1");
    }

    static class Rabbit {
        @BerthServiceConnection
        static RabbitSpec broker = RabbitSpec.of();
    }

    static class KafkaReset {
        @BerthServiceConnection(resetPerTest = true)
        static KafkaSpec kafka = KafkaSpec.of();
    }

    static class SharedReset {
        @BerthServiceConnection(shared = true, resetPerTest = true)
        static PostgresSpec db = PostgresSpec.of();
    }

    static class JunitShared {
        @dev.berth.junit.Shared
        @BerthServiceConnection
        static PostgresSpec db = PostgresSpec.of();
    }

    static class Instance {
        @BerthServiceConnection
        PostgresSpec db = PostgresSpec.of();
    }

    @Test
    void readsModuleSpecsAndOfficialImages() {
        var found = Declaration.of(Services.class, name -> true);
        assertThat(found).extracting(Declaration::kind).containsExactly(ServiceKind.POSTGRES, ServiceKind.REDIS);
        assertThat(found).extracting(Declaration::resetPerTest).containsExactly(false, true);
        assertThat(found.get(1).where()).isEqualTo("Services.cache");
    }

    @Test
    void classesSharingTheFieldsShareTheCacheKey() {
        var a = new BerthContextCustomizer(Declaration.of(Services.class, name -> true));
        var b = new BerthContextCustomizer(Declaration.of(SameServices.class, name -> true));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new BerthContextCustomizer(Declaration.of(Rabbit.class, name -> true)));
    }

    @Test
    void anImageThatIsNoServiceIsAnExactError() {
        assertThatThrownBy(() -> Declaration.of(Busybox.class, name -> true))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid @BerthServiceConnection field Busybox.box: \"ContainerSpec of busybox:1\"."
                        + " Allowed: a static PostgresSpec, MariaDbSpec, RedisSpec, RabbitSpec or KafkaSpec, or a"
                        + " ContainerSpec of the images postgres, mariadb, redis, rabbitmq or apache/kafka."
                        + " Example: @BerthServiceConnection static PostgresSpec db = PostgresSpec.of().");
    }

    @Test
    void aServiceWithoutItsAutoConfigurationIsAnExactError() {
        assertThatThrownBy(() -> Declaration.of(Rabbit.class, name -> !name.contains("Rabbit")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid @BerthServiceConnection field Rabbit.broker: \"RabbitMQ without Spring Boot's"
                        + " RabbitMQ auto-configuration (neither org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails"
                        + " nor org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails is on the classpath)\"."
                        + " Allowed: a service whose Spring Boot auto-configuration is on the classpath."
                        + " Example: add spring-boot-starter-amqp to the test classpath.");
    }

    @Test
    void kafkaCannotResetPerTest() {
        assertThatThrownBy(() -> Declaration.of(KafkaReset.class, name -> true))
                .hasMessageStartingWith("Invalid @BerthServiceConnection field KafkaReset.kafka: \"resetPerTest = true on Kafka\".");
    }

    @Test
    void instanceFieldsAreRejected() {
        assertThatThrownBy(() -> Declaration.of(Instance.class, name -> true))
                .hasMessageStartingWith("Invalid @BerthServiceConnection field Instance.db: \"an instance field\".");
    }

    @Test
    void sharedIsReadAndPartOfTheSharingKeyOnly() {
        var shared = Declaration.of(SharedServicesTest.Cache.class, name -> true);
        assertThat(shared).extracting(Declaration::shared).containsExactly(true);
        assertThat(Declaration.of(Services.class, name -> true)).extracting(Declaration::shared).containsExactly(false, false);
    }

    @Test
    void sharedWithResetPerTestIsAnExactError() {
        assertThatThrownBy(() -> Declaration.of(SharedReset.class, name -> true))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid @BerthServiceConnection field SharedReset.db: \"resetPerTest = true with shared = true\"."
                        + " Allowed: either shared (one container for several application contexts) or resetPerTest (a fresh"
                        + " copy per test for one context). Example: @BerthServiceConnection(shared = true) static PostgresSpec db.");
    }

    @Test
    void theJunitExtensionsSharedIsAnExactError() {
        assertThatThrownBy(() -> Declaration.of(JunitShared.class, name -> true))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid @BerthServiceConnection field JunitShared.db: \"@Shared\". Allowed:"
                        + " @BerthServiceConnection(shared = true) (the JUnit extension's @Shared is for @Container fields;"
                        + " a Spring context shares through the annotation). Example: @BerthServiceConnection(shared = true)"
                        + " static PostgresSpec db.");
    }
}
