package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.NetworkSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What one test class declares, superclasses included (superclass members first, each class's fields in
 * declaration order): its {@link Container} fields, its {@link Use} fields and its {@link WithNetwork}
 * names. Fields are found with JUnit's {@code ReflectionSupport}/{@code AnnotationSupport}, so the
 * annotations also count when they sit on a user's meta-annotation. Computed once per class and run
 * ({@link RunState#model}). Immutable.
 */
final class ClassModel {
    private final Class<?> testClass;
    private final List<Declaration> containers;
    private final List<Field> useFields;
    private final List<Field> fields;
    private final List<String> networks;
    private final Map<String, WithNetwork> networkAnnotations;

    private ClassModel(Class<?> testClass, List<Field> fields, Map<String, WithNetwork> networkAnnotations) {
        this.testClass = testClass;
        this.fields = fields;
        this.containers = fields.stream().filter(f -> AnnotationSupport.isAnnotated(f, Container.class))
                .map(Declaration::of).toList();
        this.useFields = fields.stream().filter(f -> !AnnotationSupport.isAnnotated(f, Container.class)
                && AnnotationSupport.isAnnotated(f, Use.class)).toList();
        this.networks = List.copyOf(networkAnnotations.keySet());
        this.networkAnnotations = networkAnnotations;
    }

    static ClassModel of(Class<?> testClass) {
        Map<String, WithNetwork> networks = new LinkedHashMap<>();
        for (WithNetwork n : AnnotationSupport.findRepeatableAnnotations(testClass, WithNetwork.class)) {
            networks.putIfAbsent(n.name(), n);
        }
        return new ClassModel(testClass, fields(testClass), Collections.unmodifiableMap(networks));
    }

    /**
     * @return every field of the class and its superclasses: superclass fields first, each class's in
     *     declaration order (JUnit sorts a class's fields by a hash of their names)
     */
    private static List<Field> fields(Class<?> testClass) {
        List<Field> found = ReflectionSupport.findFields(testClass, f -> !f.isSynthetic(), HierarchyTraversalMode.TOP_DOWN);
        Map<Class<?>, List<Field>> byClass = new LinkedHashMap<>();
        found.forEach(f -> byClass.computeIfAbsent(f.getDeclaringClass(), c -> new ArrayList<>()).add(f));
        List<Field> out = new ArrayList<>();
        byClass.forEach((c, list) -> {
            List<Field> declared = List.of(c.getDeclaredFields());
            list.sort(Comparator.comparingInt(declared::indexOf));
            out.addAll(list);
        });
        return List.copyOf(out);
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

    /** @return every field of the class and its superclasses, superclass fields first */
    List<Field> fields() {
        return fields;
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
        return testClass.getEnclosingClass() != null && !Modifier.isStatic(testClass.getModifiers())
                ? testClass.getEnclosingClass() : null;
    }
}
