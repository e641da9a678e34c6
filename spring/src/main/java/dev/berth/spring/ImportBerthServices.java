package dev.berth.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * On a configuration class with {@link BerthServiceConnection} static fields: starts them when the
 * application context is created and registers their {@code ConnectionDetails}; they are removed when the
 * context closes. For development-time services
 * ({@code SpringApplication.from(App::main).with(DevServices.class).run(args)}) and for tests that
 * {@code @Import} one shared set of services.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(BerthServicesRegistrar.class)
public @interface ImportBerthServices {
}
