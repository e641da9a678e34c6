package dev.berth.spring;

import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a test context's declared services before the context refreshes, so the Berth error (no engine,
 * an image missing, a container that does not start) is the cause Spring reports, not a bean-creation chain.
 * Equal for equal sets of fields: that is what lets Spring's context cache share the context.
 */
final class BerthContextCustomizer implements ContextCustomizer {
    private final List<Declaration> declarations;

    BerthContextCustomizer(List<Declaration> declarations) {
        this.declarations = declarations;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        var beanFactory = context.getBeanFactory();
        ServiceBeans.register(declarations, new ConnectionDetailsProxies(ServiceBeans.classLoader(beanFactory)), beanFactory);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BerthContextCustomizer c && Set.copyOf(c.declarations).equals(Set.copyOf(declarations));
    }

    @Override
    public int hashCode() {
        return Set.copyOf(declarations).hashCode();
    }
}
