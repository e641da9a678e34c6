package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.modules.redis.RedisContainer;
import dev.berth.modules.redis.RedisSpec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Properties instead of (or beside) connection details: a {@code DynamicPropertyRegistrar} bean — Spring's
 * bean-aware form of {@code @DynamicPropertySource} — registers the application's own property from the
 * context's {@link BerthServices}, so the container still belongs to the context. The value names the stable
 * endpoint of a reset-per-test service, so it stays valid after every reset, like the connection details.
 */
@SpringBootTest(classes = DynamicPropertiesTest.Properties.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DynamicPropertiesTest {
    @BerthServiceConnection(resetPerTest = true)
    static RedisSpec cache = RedisSpec.of();
    static final Set<String> URIS = ConcurrentHashMap.newKeySet();

    /** The application: no auto-configuration, only the property it reads. */
    @Configuration(proxyBeanMethods = false)
    static class Properties {
        @Bean
        DynamicPropertyRegistrar cacheProperties(BerthServices services) {
            return registry -> registry.add("shop.cache.uri",
                    () -> RedisContainer.of(services.container("cache").orElseThrow()).uri());
        }
    }

    @Value("${shop.cache.uri}")
    String uri;
    @Autowired
    BerthServices services;

    @RepeatedTest(2)
    void theRegisteredPropertyReachesTheServiceAcrossResets() {
        assertThat(uri).isEqualTo(RedisContainer.of(services.container("cache").orElseThrow()).uri())
                .startsWith("redis://127.0.0.1:");
        URIS.add(uri);
        assertThat(URIS).as("the property, resolved once, names the stable endpoint").hasSize(1);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().get("written")).as("a pristine copy in every test").isNull();
            connection.sync().set("written", "yes");
        } finally {
            client.shutdown();
        }
    }
}
