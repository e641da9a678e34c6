package dev.berth.compose;

import dev.berth.ContainerSpec;
import dev.berth.Limits;
import java.util.Map;
import java.util.Set;

/**
 * Maps the resource keys onto {@link Limits}: {@code mem_limit}, {@code memswap_limit},
 * {@code mem_reservation}, {@code cpus}, {@code cpu_shares}, {@code cpuset}, {@code pids_limit},
 * {@code shm_size}, {@code ulimits} and {@code deploy.resources.limits} / {@code reservations}.
 */
final class LimitKeys {
    private static final Set<String> DEPLOY = Set.of("resources");
    private static final Set<String> RESOURCES = Set.of("limits", "reservations");
    private static final Set<String> LIMITS = Set.of("cpus", "memory", "pids");
    private static final Set<String> RESERVATIONS = Set.of("memory");
    private static final Set<String> ULIMIT = Set.of("soft", "hard");

    ContainerSpec apply(ContainerSpec spec, Map<String, Value> keys) {
        Limits l = Limits.none();
        Value memory = keys.get("mem_limit");
        Value cpus = keys.get("cpus");
        Value pids = keys.get("pids_limit");
        Value reservation = keys.get("mem_reservation");
        if (keys.containsKey("deploy")) {
            Map<String, Value> resources = keys.get("deploy").mapping(DEPLOY);
            if (resources.containsKey("resources")) {
                Map<String, Value> r = resources.get("resources").mapping(RESOURCES);
                if (r.containsKey("limits")) {
                    Map<String, Value> limits = r.get("limits").mapping(LIMITS);
                    memory = limits.getOrDefault("memory", memory);
                    cpus = limits.getOrDefault("cpus", cpus);
                    pids = limits.getOrDefault("pids", pids);
                }
                if (r.containsKey("reservations")) {
                    reservation = r.get("reservations").mapping(RESERVATIONS).getOrDefault("memory", reservation);
                }
            }
        }
        l = memory == null ? l : with(memory, l, (x, v) -> x.withMemory(v.text()));
        l = with(keys.get("memswap_limit"), l, (x, v) -> x.memorySwap(v.text()));
        l = with(reservation, l, (x, v) -> x.memoryReservation(v.text()));
        l = with(cpus, l, (x, v) -> x.cpus(v.decimal()));
        l = with(keys.get("cpu_shares"), l, (x, v) -> x.cpuShares((int) v.integer()));
        l = with(keys.get("cpuset"), l, (x, v) -> x.cpuset(v.text()));
        l = with(pids, l, (x, v) -> x.pids(v.integer()));
        l = with(keys.get("shm_size"), l, (x, v) -> x.shmSize(v.text()));
        if (keys.containsKey("ulimits")) {
            for (Map.Entry<String, Value> u : keys.get("ulimits").mapping().entrySet()) {
                l = with(u.getValue(), l, (x, v) -> ulimit(x, u.getKey(), v));
            }
        }
        Limits limits = l;
        return limits.equals(Limits.none()) ? spec : spec.withLimits(limits);
    }

    private static Limits ulimit(Limits l, String name, Value v) {
        if (!v.isMapping()) {
            long n = v.integer();
            return l.ulimit(name, n, n);
        }
        Map<String, Value> sh = v.mapping(ULIMIT);
        if (!sh.containsKey("soft") || !sh.containsKey("hard")) {
            throw v.invalid("ulimit " + name, "without soft and hard", "a number, or soft and hard",
                    "nofile: {soft: 1024, hard: 2048}");
        }
        return l.ulimit(name, sh.get("soft").integer(), sh.get("hard").integer());
    }

    private static Limits with(Value v, Limits l, java.util.function.BiFunction<Limits, Value, Limits> change) {
        return v == null ? l : v.mapped(() -> change.apply(l, v));
    }
}
