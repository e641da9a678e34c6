package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.RunningContainer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One {@link Container} field as declared: where it is, its logical name and its form.
 *
 * @param field the annotated field
 * @param annotation its {@link Container} annotation
 * @param shared whether it is also annotated {@link Shared}
 */
record Declaration(Field field, Container annotation, boolean shared) {

    /** How the container is described. */
    enum Form {
        /** An uninitialized {@code RunningContainer} field; the annotation is the whole description. */
        ANNOTATION,
        /** A {@code ContainerSpec} field initializer, refined by the annotation. */
        SPEC,
        /** Any other field type: a configuration error. */
        UNSUPPORTED
    }

    /** @param field a field annotated (or meta-annotated) {@link Container} */
    static Declaration of(Field field) {
        return new Declaration(field, AnnotationSupport.findAnnotation(field, Container.class).orElseThrow(),
                AnnotationSupport.isAnnotated(field, Shared.class));
    }

    /**
     * @param type an annotation type
     * @return the field's annotation of that type, directly present or meta-present
     */
    <A extends Annotation> Optional<A> find(Class<A> type) {
        return AnnotationSupport.findAnnotation(field, type);
    }

    /** @return the logical name: {@code @Container(name)}, or the field name */
    String name() {
        return annotation.name().isEmpty() ? field.getName() : annotation.name();
    }

    Form form() {
        if (field.getType() == RunningContainer.class) {
            return Form.ANNOTATION;
        }
        return field.getType() == ContainerSpec.class ? Form.SPEC : Form.UNSUPPORTED;
    }

    boolean isStatic() {
        return Modifier.isStatic(field.getModifiers());
    }

    /** @return e.g. {@code dev.example.OrderTest.db}, for messages */
    String where() {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    /**
     * Reads a spec initializer.
     *
     * @param instance the test instance, or null for a static field
     * @return the field's value, possibly null
     */
    ContainerSpec readSpec(Object instance) {
        try {
            field.setAccessible(true);
            return (ContainerSpec) field.get(isStatic() ? null : instance);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + where(), e);
        }
    }

    @Override
    public String toString() {
        return where();
    }
}
