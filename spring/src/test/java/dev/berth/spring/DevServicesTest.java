package dev.berth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.modules.postgres.PostgresSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Development-time services: {@code SpringApplication.from(App::main).with(DevServices.class)}. */
class DevServicesTest {

    @TestConfiguration(proxyBeanMethods = false)
    @ImportBerthServices
    static class DevServices {
        @BerthServiceConnection
        static PostgresSpec db = PostgresSpec.of().withStartupTimeout(Duration.ofMinutes(3));
    }

    /** The application's own main, as a user has it. */
    static final class App {
        public static void main(String[] args) {
            SpringApplication.run(TestApp.class, args);
        }
    }

    @Test
    void theApplicationRunsOnBerthContainersUntilItCloses() {
        String id;
        try (ConfigurableApplicationContext context = SpringApplication.from(App::main).with(DevServices.class)
                .run("--spring.main.web-application-type=none").getApplicationContext()) {
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT 'dev'", String.class)).isEqualTo("dev");
            id = context.getBean(BerthServices.class).container("db").orElseThrow().id();
        }
        try (Engine probe = Berth.connect()) {
            probe.docker().inspectContainerCmd(id).exec();
            throw new AssertionError("container " + id + " outlived the application");
        } catch (NotFoundException expected) {
            // removed with the context
        }
    }
}
