package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.NetworkSpec;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one test class declares, superclasses included (superclass members first): its
 * {@link Container} fields, its {@link Use} fields and its {@link WithNetwork} names. Immutable.
 */
final class ClassModel {
    private final Class<?> testClass;
    private final List<Declaration> containers;
    private final List<Field> useFields;
    private final List<String> networks;
    private final Map<String, WithNetwork> networkAnnotations;

    private ClassModel(Class<?> testClass, List<Declaration> containers, List<Field> useFields,
                       Map<String, WithNetwork> networkAnnotations) {
        this.testClass = testClass;
        this.containers = containers;
        this.useFields = useFields;
        this.networks = List.copyOf(networkAnnotations.keySet());
        this.networkAnnotations = networkAnnotations;
    }

    static ClassModel of(Class<?> testClass) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Declaration> containers = new ArrayList<>();
        List<Field> useFields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Container.class)) {
                    containers.add(Declaration.of(f));
                } else if (f.isAnnotationPresent(Use.class)) {
                    useFields.add(f);
                }
            }
        }
        Map<String, WithNetwork> networks = new LinkedHashMap<>();
        for (WithNetwork n : AnnotationSupport.findRepeatableAnnotations(testClass, WithNetwork.class)) {
            networks.putIfAbsent(n.name(), n);
        }
        return new ClassModel(testClass, List.copyOf(containers), List.copyOf(useFields),
                java.util.Collections.unmodifiableMap(networks));
    }

    Class<?> testClass() {
        return testClass;
    }

    List<Declaration> containers() {
        return containers;
    }

    List<Field> useFields() {
        return useFields;
    }

    List<String> networks() {
        return networks;
    }

    /**
     * @return the validated network specs this class declares, in declaration order
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the class
     */
    List<NetworkSpec> networkSpecs() {
        List<NetworkSpec> specs = new ArrayList<>();
        for (WithNetwork n : networkAnnotations.values()) {
            try {
                specs.add(NetworkSpec.of(n.name()).withInternal(n.internal()).withDriver(n.driver()));
            } catch (BerthException e) {
                throw new ExtensionConfigurationException("@WithNetwork on " + testClass.getName() + ": "
                        + e.getMessage(), e);
            }
        }
        return specs;
    }

    /** @return the enclosing class of a {@code @Nested} (inner) class, or null */
    Class<?> enclosing() {
        return testClass.getEnclosingClass() != null && !java.lang.reflect.Modifier.isStatic(testClass.getModifiers())
                ? testClass.getEnclosingClass() : null;
    }
}
