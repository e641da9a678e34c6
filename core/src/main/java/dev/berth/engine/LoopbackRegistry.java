package dev.berth.engine;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Why a registry on this machine's loopback fails from rootless Docker: rootlesskit runs the engine in a network
 * namespace of its own, where {@code 127.0.0.1} is the namespace's loopback, not this machine's.
 */
public final class LoopbackRegistry {
    private LoopbackRegistry() {
    }

    /**
     * @param registry {@code host[:port]} of the registry an engine call failed to reach
     * @param kind the engine's kind, asked only for a loopback registry (a failure to read it gives no clause)
     * @return a clause naming the cause and the fix, or empty when the registry is not on a loopback address or
     *     the engine is not rootless
     */
    public static String unreachableHint(String registry, Supplier<EngineKind> kind) {
        if (!loopback(registry)) {
            return "";
        }
        EngineKind k;
        try {
            k = kind.get();
        } catch (RuntimeException unreadable) {
            return "";
        }
        if (!k.rootless()) {
            return "";
        }
        return k.describe() + " runs in rootlesskit's network namespace, where " + host(registry) + " is not this"
                + " machine's loopback, so it cannot reach a registry on this machine's loopback: load the image from"
                + " an archive with engine.images().load(path), or serve the registry on an address the engine reaches";
    }

    private static boolean loopback(String registry) {
        String host = host(registry).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static String host(String registry) {
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            return end > 0 ? registry.substring(0, end + 1) : registry;
        }
        int colon = registry.indexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }
}
