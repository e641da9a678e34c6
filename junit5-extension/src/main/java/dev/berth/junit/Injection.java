package dev.berth.junit;

import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Assigns fields: container handles and {@link Use} fields that name a container. */
final class Injection {
    private Injection() {
    }

    static void set(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot assign " + field, e);
        }
    }

    /**
     * Re-resolves the {@code RunningContainer} (and typed handle) {@link Use} fields of the test instances (and their
     * classes' static ones), after containers were replaced.
     */
    static void reassignUseFields(ExtensionContext context, List<ContextResources> chain, Engine engine) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : RunState.of(context).model(instance.getClass()).useFields()) {
                if (f.getType() != RunningContainer.class && !Handles.isHandle(f.getType())) {
                    continue;
                }
                boolean statics = Modifier.isStatic(f.getModifiers());
                String where = "@Use field " + f.getDeclaringClass().getName() + "." + f.getName();
                Object value = Lookup.resolve(context, chain, where, f.getType(), AnnotationSupport.findAnnotation(f, Use.class).orElseThrow().value(),
                        f.getName(), engine);
                if (value != null) {
                    set(f, statics ? null : instance, value);
                }
            }
        }
    }
}
