package dev.berth.report;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inspects the user-defined networks the reported containers are attached to. The engine's default
 * networks ({@code bridge}, {@code host}, {@code none}) are left out: everyone is on them.
 */
final class NetworkCollector {
    private static final Set<String> DEFAULTS = Set.of("bridge", "host", "none");

    private final DockerClient docker;
    private final BoundedCalls calls;
    private final Duration timeout;
    private final Map<String, BoundedCalls.Pending<Network>> pending = new TreeMap<>();

    NetworkCollector(DockerClient docker, BoundedCalls calls, Duration timeout) {
        this.docker = docker;
        this.calls = calls;
        this.timeout = timeout;
    }

    /** @param containers inspected containers (null entries are skipped) */
    void submit(List<InspectContainerResponse> containers) {
        for (InspectContainerResponse c : containers) {
            for (String name : networksOf(c).keySet()) {
                if (!DEFAULTS.contains(name) && !pending.containsKey(name)) {
                    pending.put(name, calls.submit("network " + name, timeout,
                            () -> docker.inspectNetworkCmd().withNetworkId(name).exec()));
                }
            }
        }
    }

    /**
     * @param containers the same inspected containers (their aliases are added to the members)
     * @return one section per network that answered, by name
     */
    List<NetworkSection> sections(List<InspectContainerResponse> containers) {
        Map<String, Map<String, List<String>>> aliases = new LinkedHashMap<>();
        for (InspectContainerResponse c : containers) {
            networksOf(c).forEach((net, n) -> aliases.computeIfAbsent(net, k -> new LinkedHashMap<>())
                    .put(c.getId(), n.getAliases() == null ? List.of() : n.getAliases()));
        }
        List<NetworkSection> out = new ArrayList<>();
        pending.forEach((name, p) -> {
            Network n = calls.get(p);
            if (n != null) {
                out.add(section(n, aliases.getOrDefault(name, Map.of())));
            }
        });
        return out;
    }

    static NetworkSection section(Network n, Map<String, List<String>> aliasesById) {
        List<NetworkSection.Member> members = new ArrayList<>();
        Map<String, Network.ContainerNetworkConfig> attached = n.getContainers() == null ? Map.of() : n.getContainers();
        new TreeMap<>(attached).forEach((id, cfg) -> members.add(new NetworkSection.Member(
                cfg.getName(), cfg.getIpv4Address(), aliasesById.getOrDefault(id, List.of()))));
        members.sort(java.util.Comparator.comparing(m -> String.valueOf(m.container())));
        return new NetworkSection(n.getName(), n.getId(), n.getDriver(), members);
    }

    private static Map<String, ContainerNetwork> networksOf(InspectContainerResponse c) {
        if (c == null || c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return Map.of();
        }
        return c.getNetworkSettings().getNetworks();
    }
}
