package dev.berth;

import java.util.Optional;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Namespace options of a container: network, IPC, PID, UTS (host and domain name), user and cgroup namespace
 * modes, and an init process as PID 1. Immutable; every {@code with…} method returns a validated copy.
 *
 * <pre>{@code
 * Namespaces ns = Namespaces.defaults().withIpc(IpcMode.container(otherHandle)).withInit();
 * }</pre>
 * A {@code container:} mode names another Berth container of the same session, by handle or spec name; the
 * reference is checked just before the container is created.
 */
public final class Namespaces {
    private static final Namespaces DEFAULTS = new Namespaces(new Fields());

    private final Fields f;

    private Namespaces(Fields f) {
        this.f = f;
    }

    /** @return the engine's defaults: private namespaces, bridge networking, no init */
    public static Namespaces defaults() {
        return DEFAULTS;
    }

    private Namespaces with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new Namespaces(copy);
    }

    /**
     * @param mode the network namespace ({@code --network bridge|none|host|container:<other>})
     * @return the changed copy
     */
    public Namespaces withNetwork(NetworkMode mode) {
        Objects.requireNonNull(mode, "network mode");
        return with(c -> c.network = mode);
    }

    /**
     * @param mode the IPC namespace ({@code --ipc private|shareable|none|host|container:<other>})
     * @return the changed copy
     */
    public Namespaces withIpc(IpcMode mode) {
        Objects.requireNonNull(mode, "ipc mode");
        return with(c -> c.ipc = mode);
    }

    /**
     * @param mode the PID namespace ({@code --pid host|container:<other>})
     * @return the changed copy
     */
    public Namespaces withPid(PidMode mode) {
        Objects.requireNonNull(mode, "pid mode");
        return with(c -> c.pid = mode);
    }

    /**
     * Runs Docker's init ({@code --init}, tini as {@code docker-init}) as PID 1: it forwards signals and reaps
     * zombies, for images whose own PID 1 ignores SIGTERM.
     *
     * @return the changed copy
     */
    public Namespaces withInit() {
        return with(c -> c.init = true);
    }

    /**
     * @param hostname the host name in the container's UTS namespace ({@code --hostname})
     * @return the changed copy
     */
    public Namespaces withHostname(String hostname) {
        Names.hostname(hostname);
        return with(c -> c.hostname = hostname);
    }

    /**
     * @param domainname the NIS domain name in the container's UTS namespace ({@code --domainname})
     * @return the changed copy
     */
    public Namespaces withDomainname(String domainname) {
        if (domainname == null || !domainname.matches(Names.HOST_LABEL + "(\\." + Names.HOST_LABEL + ")*")
                || domainname.length() > 253) {
            throw new InvalidSpecException("domainname", String.valueOf(domainname),
                    "dot-separated labels of letters, digits or '-'", "\"test.example\"");
        }
        return with(c -> c.domainname = domainname);
    }

    /**
     * Shares the host's UTS namespace ({@code --uts host}); no own host or domain name then.
     *
     * @return the changed copy
     */
    public Namespaces withHostUts() {
        return with(c -> c.utsHost = true);
    }

    /**
     * @param mode the user namespace mode ({@code --userns}): {@code "host"} opts out of the engine's
     *             {@code userns-remap}
     * @return the changed copy
     */
    public Namespaces withUsernsMode(String mode) {
        if (!"host".equals(mode)) {
            throw new InvalidSpecException("userns mode", String.valueOf(mode), "\"host\" (the engine's default "
                    + "applies otherwise)", "withUsernsMode(\"host\")");
        }
        return with(c -> c.usernsMode = mode);
    }

    /**
     * @param mode the cgroup namespace mode ({@code --cgroupns}): {@code "private"} or {@code "host"}
     * @return the changed copy
     */
    public Namespaces withCgroupnsMode(String mode) {
        if (!"private".equals(mode) && !"host".equals(mode)) {
            throw new InvalidSpecException("cgroupns mode", String.valueOf(mode), "\"private\" or \"host\"",
                    "withCgroupnsMode(\"private\")");
        }
        return with(c -> c.cgroupnsMode = mode);
    }

    /** @return the network mode, empty for the engine's default (bridge) */
    public Optional<NetworkMode> network() { return Optional.ofNullable(f.network); }
    /** @return the IPC mode, empty for the engine's default */
    public Optional<IpcMode> ipc() { return Optional.ofNullable(f.ipc); }
    /** @return the PID mode, empty for a private PID namespace */
    public Optional<PidMode> pid() { return Optional.ofNullable(f.pid); }
    /** @return whether an init process runs as PID 1 */
    public boolean init() { return f.init; }
    /** @return the host name, empty for the engine's (the container id's first 12 digits) */
    public Optional<String> hostname() { return Optional.ofNullable(f.hostname); }
    /** @return the domain name, empty for none */
    public Optional<String> domainname() { return Optional.ofNullable(f.domainname); }
    /** @return whether the host's UTS namespace is shared */
    public boolean utsHost() { return f.utsHost; }
    /** @return the user namespace mode, empty for the engine's default */
    public Optional<String> usernsMode() { return Optional.ofNullable(f.usernsMode); }
    /** @return the cgroup namespace mode, empty for the engine's default */
    public Optional<String> cgroupnsMode() { return Optional.ofNullable(f.cgroupnsMode); }

    /** @return every {@code container:} reference, network first, then IPC, then PID */
    public List<ContainerRef> containerRefs() {
        return Stream.of(network().flatMap(NetworkMode::target), ipc().flatMap(IpcMode::target),
                pid().flatMap(PidMode::target)).flatMap(Optional::stream).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Namespaces n && f.key().equals(n.f.key());
    }

    @Override
    public int hashCode() {
        return f.key().hashCode();
    }

    @Override
    public String toString() {
        return "Namespaces" + f.key();
    }

    /** The mutable bag behind one immutable value; only ever changed on a fresh copy. */
    private static final class Fields implements Cloneable {
        NetworkMode network;
        IpcMode ipc;
        PidMode pid;
        boolean init;
        String hostname;
        String domainname;
        boolean utsHost;
        String usernsMode;
        String cgroupnsMode;

        List<Object> key() {
            return Arrays.asList(network, ipc, pid, init, hostname, domainname, utsHost, usernsMode, cgroupnsMode);
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
