package dev.berth.spring;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Registers the services of an {@link ImportBerthServices} class (see there). */
final class BerthServicesRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            throw new IllegalStateException("@ImportBerthServices needs a ConfigurableListableBeanFactory, not "
                    + registry.getClass().getName());
        }
        if (beanFactory.containsSingleton(ServiceBeans.SERVICES_BEAN)) {
            throw new IllegalStateException("Berth services are already registered in this context (by "
                    + "@BerthServiceConnection fields of the test class); declare them in one place: "
                    + metadata.getClassName());
        }
        Class<?> type = ClassUtils.resolveClassName(metadata.getClassName(), ServiceBeans.classLoader(beanFactory));
        ServiceBeans.register(type, beanFactory);
    }
}
