package dev.berth.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Spring's test hook (registered in {@code META-INF/spring.factories}): a test class with
 * {@link BerthServiceConnection} fields gets a {@link BerthContextCustomizer}, which is part of the context's
 * cache key — classes declaring the same fields share one context and its containers.
 */
public final class BerthContextCustomizerFactory implements ContextCustomizerFactory {

    /** Created by Spring's {@code SpringFactoriesLoader}. */
    public BerthContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        ConnectionDetailsProxies proxies = new ConnectionDetailsProxies(testClass.getClassLoader());
        List<Declaration> declarations = Declaration.of(testClass, proxies::present);
        return declarations.isEmpty() ? null : new BerthContextCustomizer(declarations);
    }
}
