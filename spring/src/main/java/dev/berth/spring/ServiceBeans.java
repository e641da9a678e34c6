package dev.berth.spring;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;

/**
 * Starts declared services for one bean factory and registers them: {@link BerthServices} (removed with
 * the factory's singletons — when the context closes, or when its refresh fails) and one
 * {@code ConnectionDetails} bean per service, which Spring Boot's auto-configuration prefers over properties.
 */
final class ServiceBeans {
    static final String SERVICES_BEAN = "berthServices";

    private ServiceBeans() {
    }

    /**
     * @param type the class declaring the services
     * @param beanFactory the context's bean factory
     * @return the started services, already owned by the bean factory
     */
    static BerthServices register(Class<?> type, ConfigurableListableBeanFactory beanFactory) {
        ConnectionDetailsProxies proxies = new ConnectionDetailsProxies(classLoader(beanFactory));
        return register(Declaration.of(type, proxies::present), proxies, beanFactory);
    }

    static BerthServices register(List<Declaration> declarations, ConnectionDetailsProxies proxies,
                                  ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
            throw new IllegalStateException("Berth needs a DefaultListableBeanFactory to own its containers, not "
                    + beanFactory.getClass().getName());
        }
        BerthServices services = BerthServices.start(declarations, JvmSharedServices.REGISTRY);
        try {
            beanFactory.registerSingleton(SERVICES_BEAN, services);
        } catch (RuntimeException e) {
            services.close(); // not owned by the context: release the shared references here
            throw e;
        }
        registry.registerDisposableBean(SERVICES_BEAN, services::close);
        for (BerthServices.Service s : services.services()) {
            Object details = proxies.create(s.declaration().kind(), s::endpoint);
            beanFactory.registerSingleton(s.declaration().beanName(), details);
        }
        return services;
    }

    static ClassLoader classLoader(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader loader = beanFactory.getBeanClassLoader();
        return loader != null ? loader : ServiceBeans.class.getClassLoader();
    }
}
