package dev.berth.spring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds Spring Boot {@code ConnectionDetails} for a service without compiling against them: Boot 3.5 and
 * 4.0 declare the same interfaces (same method names) in different packages, so one source serves both
 * lines by implementing whichever interface the application's classpath has, as a JDK proxy. Methods the
 * interfaces give defaults for (SSL bundles, driver class names, consumer-specific servers) keep Boot's
 * default behaviour.
 */
final class ConnectionDetailsProxies {
    private final ClassLoader loader;

    /** @param loader the application's class loader */
    ConnectionDetailsProxies(ClassLoader loader) {
        this.loader = loader;
    }

    /** @return the first of the kind's {@code ConnectionDetails} interfaces that is on the classpath */
    Optional<Class<?>> detailsType(ServiceKind kind) {
        return kind.detailsTypes().stream().map(this::load).flatMap(Optional::stream).findFirst();
    }

    /** @return whether a class of that name is visible */
    boolean present(String name) {
        return load(name).isPresent();
    }

    /**
     * @param kind the service
     * @param endpoint read on every call, so details follow a restored copy
     * @return a proxy implementing the kind's {@code ConnectionDetails}
     */
    Object create(ServiceKind kind, Supplier<ServiceKind.Endpoint> endpoint) {
        Class<?> type = detailsType(kind).orElseThrow(() -> new IllegalStateException(
                "no ConnectionDetails type of " + kind.label() + " on the classpath"));
        return proxy(type, (method, e) -> switch (method) {
            case "getJdbcUrl" -> e.url();
            case "getUsername" -> e.username();
            case "getPassword" -> e.password();
            case "getVirtualHost" -> e.virtualHost();
            case "getBootstrapServers" -> List.of(e.url());
            case "getAddresses" -> List.of(address(type, e));
            case "getStandalone" -> proxy(nested(type, "Standalone"), (m, e2) -> switch (m) {
                case "getHost" -> e2.host();
                case "getPort" -> e2.port();
                default -> DEFAULT;
            }, endpoint);
            default -> DEFAULT;
        }, endpoint);
    }

    private static final Object DEFAULT = new Object();

    private interface Answer {
        Object answer(String method, ServiceKind.Endpoint endpoint);
    }

    private Object proxy(Class<?> type, Answer answer, Supplier<ServiceKind.Endpoint> endpoint) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, type);
            }
            Object result = answer.answer(method.getName(), endpoint.get());
            if (result != DEFAULT) {
                return result;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException("Berth does not provide " + type.getName() + "." + method.getName());
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Berth " + type.getSimpleName();
        };
    }

    private Object address(Class<?> rabbitDetails, ServiceKind.Endpoint e) {
        try {
            return nested(rabbitDetails, "Address").getConstructor(String.class, int.class).newInstance(e.host(), e.port());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot create " + rabbitDetails.getName() + ".Address: " + ex, ex);
        }
    }

    private Class<?> nested(Class<?> outer, String simpleName) {
        return load(outer.getName() + "$" + simpleName).orElseThrow(() -> new IllegalStateException(
                outer.getName() + "." + simpleName + " is missing"));
    }

    private Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
