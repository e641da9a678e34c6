package dev.berth.junit;

import dev.berth.RunningContainer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Typed handles over a running container, such as the service modules' {@code PostgresContainer}: any
 * class with a {@code public static T of(RunningContainer)} factory returning itself. {@link Use} fields
 * and parameters of such a type receive the named container wrapped in it (and are re-assigned when
 * {@link ResetPerTest} replaces the container), so the extension needs no compile-time knowledge of modules.
 */
final class Handles {
    private Handles() {
    }

    /** @return the factory of a handle type, or null when the type is not one */
    static Method factory(Class<?> type) {
        if (type.isPrimitive() || type.isInterface() || type == RunningContainer.class) {
            return null;
        }
        try {
            Method of = type.getMethod("of", RunningContainer.class);
            return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? of : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static boolean isHandle(Class<?> type) {
        return factory(type) != null;
    }

    /** @return the container wrapped in the handle type, or the container itself for {@code RunningContainer} */
    static Object wrap(Class<?> type, RunningContainer container) {
        Method of = factory(type);
        if (of == null || container == null) {
            return container;
        }
        try {
            return of.invoke(null, container);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + type.getName() + ".of(RunningContainer)", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }
}
