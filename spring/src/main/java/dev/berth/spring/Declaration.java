package dev.berth.spring;

import dev.berth.ContainerSpec;
import dev.berth.InvalidSpecException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One {@link BerthServiceConnection} field, read and validated before any container exists. Two
 * declarations are equal when they are the same field, so test classes that share the fields (a common base
 * class, an imported configuration) share one cached application context and its containers.
 *
 * @param field the static field
 * @param kind the service it is
 * @param spec the core spec to start
 * @param resetPerTest whether every test gets a pristine copy
 * @param shared whether one container backs every context declaring it ({@link SharedServices})
 */
record Declaration(Field field, ServiceKind kind, ContainerSpec spec, boolean resetPerTest, boolean shared) {
    private static final String JUNIT_SHARED = "dev.berth.junit.Shared";

    private static final String ALLOWED_TYPES = "a static PostgresSpec, MariaDbSpec, RedisSpec, RabbitSpec or KafkaSpec,"
            + " or a ContainerSpec of the images postgres, mariadb, redis, rabbitmq or apache/kafka";
    private static final String EXAMPLE = "@BerthServiceConnection static PostgresSpec db = PostgresSpec.of()";

    /** @return {@code Class.field} */
    String where() {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }

    /** @return the bean-name-safe name of the service, e.g. {@code berth.ShopTest.db} */
    String beanName() {
        return "berth." + field.getDeclaringClass().getName() + "." + field.getName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Declaration d && d.field.equals(field);
    }

    @Override
    public int hashCode() {
        return field.hashCode();
    }

    /**
     * Reads every {@code @BerthServiceConnection} field of a class, its superclasses and enclosing classes.
     *
     * @param type the test or configuration class
     * @param detailsPresent whether a {@code ConnectionDetails} interface is on the classpath (by name)
     * @return the declarations, in declaration order
     * @throws InvalidSpecException for a field Berth cannot serve, before anything starts
     */
    static List<Declaration> of(Class<?> type, Predicate<String> detailsPresent) {
        List<Declaration> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(BerthServiceConnection.class)) {
                    found.add(read(f, detailsPresent));
                }
            }
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            found.addAll(of(type.getEnclosingClass(), detailsPresent));
        }
        return List.copyOf(found);
    }

    private static Declaration read(Field f, Predicate<String> detailsPresent) {
        String where = "@BerthServiceConnection field " + f.getDeclaringClass().getSimpleName() + "." + f.getName();
        if (!Modifier.isStatic(f.getModifiers())) {
            throw new InvalidSpecException(where, "an instance field", ALLOWED_TYPES, EXAMPLE);
        }
        Object value;
        try {
            f.setAccessible(true);
            value = f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Berth cannot read " + where + ": " + e, e);
        }
        if (value == null) {
            throw new InvalidSpecException(where, "null", ALLOWED_TYPES, EXAMPLE);
        }
        ServiceKind kind = value instanceof ContainerSpec c
                ? ServiceKind.ofImage(c).orElseThrow(() -> new InvalidSpecException(where,
                        "ContainerSpec of " + c.image(), ALLOWED_TYPES, EXAMPLE))
                : ServiceKind.ofSpecType(value.getClass()).orElseThrow(() -> new InvalidSpecException(where,
                        value.getClass().getSimpleName(), ALLOWED_TYPES, EXAMPLE));
        if (kind.detailsTypes().stream().noneMatch(detailsPresent)) {
            throw new InvalidSpecException(where, kind.label() + " without Spring Boot's " + kind.label()
                    + " auto-configuration (neither " + String.join(" nor ", kind.detailsTypes()) + " is on the classpath)",
                    "a service whose Spring Boot auto-configuration is on the classpath",
                    "add " + kind.starter() + " to the test classpath");
        }
        BerthServiceConnection annotation = f.getAnnotation(BerthServiceConnection.class);
        boolean reset = annotation.resetPerTest();
        if (Arrays.stream(f.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(JUNIT_SHARED))) {
            throw new InvalidSpecException(where, "@Shared", "@BerthServiceConnection(shared = true) (the JUnit"
                    + " extension's @Shared is for @Container fields; a Spring context shares through the annotation)",
                    "@BerthServiceConnection(shared = true) static PostgresSpec db");
        }
        if (reset && annotation.shared()) {
            throw new InvalidSpecException(where, "resetPerTest = true with shared = true",
                    "either shared (one container for several application contexts) or resetPerTest (a fresh copy"
                            + " per test for one context)", "@BerthServiceConnection(shared = true) static PostgresSpec db");
        }
        if (reset && !kind.resettable()) {
            throw new InvalidSpecException(where, "resetPerTest = true on Kafka",
                    "resetPerTest on PostgreSQL, MariaDB, Redis or RabbitMQ (Kafka advertises its host port, so a"
                            + " restored copy cannot take its place)", "@BerthServiceConnection(resetPerTest = true) static PostgresSpec db");
        }
        return new Declaration(f, kind, ServiceKind.toContainerSpec(value), reset, annotation.shared());
    }
}
