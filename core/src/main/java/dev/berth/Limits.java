package dev.berth;

import java.util.OptionalLong;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cgroup resource limits of a container: memory, swap, CPU, cpuset, pids, block-I/O weight, ulimits,
 * shared-memory size. Immutable; every method returns a validated copy.
 *
 * <pre>{@code
 * Limits limits = Limits.memory("256m").cpus(0.5).pids(100);
 * }</pre>
 * Sizes use the docker CLI's units: {@code "64m"}, {@code "1g"}, {@code "1.5g"} (binary). Checks that need the
 * engine (cpus and cpuset against the engine's CPUs) run just before the container is created.
 */
public final class Limits {
    /** The smallest memory limit the engine accepts: 6 MiB. */
    public static final long MIN_MEMORY = 6L * 1024 * 1024;
    private static final Set<String> ULIMITS = Set.of("core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
    private static final Limits NONE = new Limits(new Fields());

    private final Fields f;

    /** One ulimit: a resource name ({@code nofile}, {@code nproc}, {@code core}…) and its soft and hard limits. */
    public record Ulimit(String name, long soft, long hard) { }

    private Limits(Fields f) {
        this.f = f;
    }

    /** @return no limits: the engine's defaults */
    public static Limits none() {
        return NONE;
    }

    /**
     * @param size the memory limit ({@code --memory}), at least 6 MiB, e.g. {@code "256m"}
     * @return limits with only that memory limit
     */
    public static Limits memory(String size) {
        return NONE.withMemory(size);
    }

    private Limits with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new Limits(copy);
    }

    /**
     * @param size the memory limit ({@code --memory}), at least 6 MiB, e.g. {@code "256m"}
     * @return the changed copy
     */
    public Limits withMemory(String size) {
        long bytes = Units.bytes("memory", size, "\"256m\"");
        if (bytes < MIN_MEMORY) {
            throw new InvalidSpecException("memory", size, "at least 6m (the engine's minimum, 6291456 bytes)",
                    "\"64m\"");
        }
        if (f.memorySwap != null && f.memorySwap != -1 && f.memorySwap < bytes) {
            throw swapBelowMemory(Units.format(f.memorySwap), bytes);
        }
        return with(c -> c.memory = bytes);
    }

    /**
     * @param total memory plus swap ({@code --memory-swap}), not below the memory limit; equal to it means no
     *              swap; {@code "-1"} means unlimited swap. Needs a memory limit.
     * @return the changed copy
     */
    public Limits memorySwap(String total) {
        if (f.memory == null) {
            throw new InvalidSpecException("memory swap", total, "only together with a memory limit (set it first)",
                    "Limits.memory(\"64m\").memorySwap(\"128m\")");
        }
        if ("-1".equals(total)) {
            return with(c -> c.memorySwap = -1L);
        }
        long bytes = Units.bytes("memory swap", total, "\"512m\"");
        if (bytes < f.memory) {
            throw swapBelowMemory(total, f.memory);
        }
        return with(c -> c.memorySwap = bytes);
    }

    private static InvalidSpecException swapBelowMemory(String swap, long memory) {
        return new InvalidSpecException("memory swap", swap, "memory plus swap, at least the memory limit ("
                + Units.format(memory) + "), or \"-1\" for unlimited swap", "\"" + Units.format(memory * 2) + "\"");
    }

    /**
     * @param size the soft limit ({@code --memory-reservation}), e.g. {@code "128m"}
     * @return the changed copy
     */
    public Limits memoryReservation(String size) {
        long bytes = Units.bytes("memory reservation", size, "\"128m\"");
        return with(c -> c.memoryReservation = bytes);
    }

    /**
     * @param cpus how many CPUs' worth of time ({@code --cpus}), positive, at most the engine's CPU count
     * @return the changed copy
     */
    public Limits cpus(double cpus) {
        if (!(cpus > 0) || Double.isInfinite(cpus) || Math.round(cpus * 1e9) < 1) {
            throw new InvalidSpecException("cpus", cpus, "a positive decimal number of CPUs, at most the engine's "
                    + "CPU count", "0.5");
        }
        return with(c -> c.nanoCpus = Math.round(cpus * 1e9));
    }

    /**
     * @param shares relative CPU weight ({@code --cpu-shares}), 2 to 262144 (default 1024)
     * @return the changed copy
     */
    public Limits cpuShares(int shares) {
        if (shares < 2 || shares > 262144) {
            throw new InvalidSpecException("cpu shares", shares, "2 to 262144 (the default is 1024)", "512");
        }
        return with(c -> c.cpuShares = shares);
    }

    /**
     * @param cpus the CPUs the container may run on ({@code --cpuset-cpus}), e.g. {@code "0"}, {@code "0-1"},
     *             {@code "0,2"}; each must exist on the engine
     * @return the changed copy
     */
    public Limits cpuset(String cpus) {
        checkCpuList("cpuset cpus", cpus, "\"0-1\"");
        return with(c -> c.cpusetCpus = cpus);
    }

    /**
     * @param mems the NUMA memory nodes the container may use ({@code --cpuset-mems}), e.g. {@code "0"}
     * @return the changed copy
     */
    public Limits cpusetMems(String mems) {
        checkCpuList("cpuset mems", mems, "\"0\"");
        return with(c -> c.cpusetMems = mems);
    }

    private static void checkCpuList(String option, String list, String example) {
        if (list == null || Units.highestCpu(list) == null) {
            throw new InvalidSpecException(option, String.valueOf(list),
                    "a list of numbers and ranges such as 0-1,3", example);
        }
    }

    /**
     * @param max the most processes/threads ({@code --pids-limit}), positive, or -1 for unlimited
     * @return the changed copy
     */
    public Limits pids(long max) {
        if (max < 1 && max != -1) {
            throw new InvalidSpecException("pids limit", max, "a positive number of processes, or -1 for unlimited",
                    "100");
        }
        return with(c -> c.pids = max);
    }

    /**
     * @param weight relative block-I/O weight ({@code --blkio-weight}), 10 to 1000
     * @return the changed copy
     */
    public Limits blkioWeight(int weight) {
        if (weight < 10 || weight > 1000) {
            throw new InvalidSpecException("blkio weight", weight, "10 to 1000", "500");
        }
        return with(c -> c.blkioWeight = weight);
    }

    /**
     * @param name the resource, e.g. {@code "nofile"}, {@code "nproc"}, {@code "core"}
     * @param soft the soft limit, 0 or more
     * @param hard the hard limit, at least the soft one
     * @return the changed copy ({@code --ulimit name=soft:hard})
     */
    public Limits ulimit(String name, long soft, long hard) {
        if (name == null || !ULIMITS.contains(name)) {
            throw new InvalidSpecException("ulimit", String.valueOf(name), "one of " + List.copyOf(
                    new java.util.TreeSet<>(ULIMITS)), "ulimit(\"nofile\", 1024, 2048)");
        }
        if (soft < 0 || hard < soft) {
            throw new InvalidSpecException("ulimit " + name, soft + ":" + hard,
                    "a soft limit of 0 or more, not above the hard limit", "ulimit(\"" + name + "\", 1024, 2048)");
        }
        Map<String, Ulimit> copy = new LinkedHashMap<>(f.ulimits);
        copy.put(name, new Ulimit(name, soft, hard));
        Map<String, Ulimit> frozen = java.util.Collections.unmodifiableMap(copy);
        return with(c -> c.ulimits = frozen);
    }

    /**
     * @param size size of {@code /dev/shm} ({@code --shm-size}), e.g. {@code "128m"}
     * @return the changed copy
     */
    public Limits shmSize(String size) {
        long bytes = Units.bytes("shm size", size, "\"128m\"");
        return with(c -> c.shmSize = bytes);
    }

    /**
     * Disables the OOM killer for the container ({@code --oom-kill-disable}); allowed only with a memory limit,
     * otherwise the host's memory would be at stake.
     *
     * @return the changed copy
     */
    public Limits oomKillDisabled() {
        if (f.memory == null) {
            throw new InvalidSpecException("oom kill disable", true, "only together with a memory limit (set it "
                    + "first)", "Limits.memory(\"64m\").oomKillDisabled()");
        }
        return with(c -> c.oomKillDisable = true);
    }

    /** @return the memory limit in bytes, empty for none */
    public OptionalLong memoryBytes() { return optional(f.memory); }
    /** @return memory plus swap in bytes, -1 for unlimited, empty for the engine's default */
    public OptionalLong memorySwapBytes() { return optional(f.memorySwap); }
    /** @return the memory reservation in bytes, empty for none */
    public OptionalLong memoryReservationBytes() { return optional(f.memoryReservation); }
    /** @return the CPU limit in billionths of a CPU, empty for none */
    public OptionalLong nanoCpus() { return optional(f.nanoCpus); }
    /** @return the relative CPU weight, empty for the engine's default */
    public OptionalInt cpuShares() { return optional(f.cpuShares); }
    /** @return the cpuset CPU list, empty for every CPU */
    public Optional<String> cpusetCpus() { return Optional.ofNullable(f.cpusetCpus); }
    /** @return the cpuset memory-node list, empty for every node */
    public Optional<String> cpusetMems() { return Optional.ofNullable(f.cpusetMems); }
    /** @return the pids limit (-1 unlimited), empty for the engine's default */
    public OptionalLong pidsLimit() { return optional(f.pids); }
    /** @return the block-I/O weight, empty for the engine's default */
    public OptionalInt blkioWeight() { return optional(f.blkioWeight); }
    /** @return the ulimits, by name */
    public Map<String, Ulimit> ulimits() { return f.ulimits; }
    /** @return the {@code /dev/shm} size in bytes, empty for the engine's default (64 MiB) */
    public OptionalLong shmSizeBytes() { return optional(f.shmSize); }
    /** @return whether the OOM killer is disabled */
    public boolean oomKillDisable() { return f.oomKillDisable; }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && f.key().equals(l.f.key());
    }

    @Override
    public int hashCode() {
        return f.key().hashCode();
    }

    @Override
    public String toString() {
        return "Limits" + f.key();
    }

    /** The mutable bag behind one immutable value; only ever changed on a fresh copy. */
    private static final class Fields implements Cloneable {
        Long memory;
        Long memorySwap;
        Long memoryReservation;
        Long nanoCpus;
        Integer cpuShares;
        String cpusetCpus;
        String cpusetMems;
        Long pids;
        Integer blkioWeight;
        Map<String, Ulimit> ulimits = Map.of();
        Long shmSize;
        boolean oomKillDisable;

        List<Object> key() {
            return java.util.Arrays.asList(memory, memorySwap, memoryReservation, nanoCpus, cpuShares, cpusetCpus,
                    cpusetMems, pids, blkioWeight, ulimits, shmSize, oomKillDisable);
        }

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
