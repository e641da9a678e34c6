package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the services of a compose file for a test class — read by Berth itself
 * ({@code dev.berth.compose.ComposeProject}), no compose binary. By default the project lives for the
 * class (started before {@code @BeforeAll}, removed after {@code @AfterAll}); with {@link #perTest()}
 * every test gets its own. Services are injected by name with {@link ComposeService}; one static
 * {@code @ComposeService} field may carry {@link ResetPerTest} to give every test a fresh copy of it.
 *
 * <pre>{@code
 * @Compose("src/test/resources/docker-compose.yml")
 * class OrderApiTest {
 *     @ComposeService("db") static RunningContainer db;
 *
 *     @Test
 *     void ordersAreStored(@ComposeService("api") RunningContainer api) { ... }
 * }
 * }</pre>
 *
 * <p>{@code @Compose} brings {@link BerthExtension} along (as {@link DockerTest} does, registered once however
 * often it is named), so failure reports cover the compose services like declared containers: each by its service
 * name, and when a service fails to start, the services that did start.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({BerthExtension.class, ComposeExtension.class})
public @interface Compose {
    /** @return the compose file, relative to the working directory, e.g. {@code "src/test/resources/docker-compose.yml"} */
    String value();

    /** @return the profiles to activate; {@code COMPOSE_PROFILES} by default */
    String[] profiles() default {};

    /** @return variables as {@code "NAME=value"}, winning over the environment and the {@code .env} file */
    String[] env() default {};

    /** @return true to start the project for every test instead of once for the class */
    boolean perTest() default false;
}
