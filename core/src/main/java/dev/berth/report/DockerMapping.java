package dev.berth.report;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Info;
import dev.berth.EngineInfo;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import dev.berth.engine.ContainerStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns docker-java responses into report sections. Pure functions; secrets masked on the way. */
final class DockerMapping {
    private DockerMapping() {
    }

    static EngineSection engine(String dockerHost, Info info, Version version) {
        String api = version == null ? null : version.getApiVersion();
        if (info == null) {
            return new EngineSection(dockerHost, version == null ? null : version.getVersion(), api,
                    version == null ? null : version.getOperatingSystem(), version == null ? null : version.getArch(),
                    version == null ? null : version.getKernelVersion(), null, null, null, null, null, List.of(),
                    null, null, null);
        }
        return new EngineSection(dockerHost, info.getServerVersion(), api, info.getOperatingSystem(),
                info.getArchitecture(), info.getKernelVersion(), info.getCGroupDriver(), info.getCGroupVersion(),
                info.getDriver(), info.getNCPU(), info.getMemTotal(),
                info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions(),
                info.getContainersRunning(), info.getContainers(), info.getImages());
    }

    /**
     * The engine section from what the connection already knows, with the counts listed now (unknown when the
     * lists did not come in time).
     */
    static EngineSection engine(String dockerHost, EngineInfo known, EngineCounts live) {
        return new EngineSection(dockerHost, known.serverVersion(), known.apiVersion(), known.operatingSystem(),
                known.architecture(), known.kernelVersion(), known.cgroupDriver(), known.cgroupVersion(),
                known.storageDriver(), known.cpus() < 0 ? null : known.cpus(),
                known.memoryBytes() < 0 ? null : known.memoryBytes(), known.security().raw(),
                live == null ? null : live.running(), live == null ? null : live.containers(),
                live == null ? null : live.images());
    }

    static ImageSection image(String reference, InspectImageResponse image, List<ImageHistory> history) {
        List<ImageSection.HistoryRow> rows = new ArrayList<>();
        if (history != null) {
            for (ImageHistory h : history) {
                rows.add(new ImageSection.HistoryRow(h.getId(), h.getCreated(), nz(h.getCreatedBy()),
                        h.getSize() == null ? 0 : h.getSize(), nz(h.getComment())));
            }
        }
        if (image == null) {
            return new ImageSection(reference, null, List.of(), null, null, rows);
        }
        return new ImageSection(reference, image.getId(), image.getRepoDigests(), image.getSize(), image.getCreated(),
                rows);
    }

    static ContainerSection container(InspectContainerResponse c, SecretMasker masker) {
        List<String> command = new ArrayList<>();
        if (c.getPath() != null && !c.getPath().isEmpty()) {
            command.add(c.getPath());
        }
        if (c.getArgs() != null) {
            command.addAll(Arrays.asList(c.getArgs()));
        }
        List<String> env = new ArrayList<>();
        if (c.getConfig() != null && c.getConfig().getEnv() != null) {
            for (String e : c.getConfig().getEnv()) {
                int eq = e.indexOf('=');
                env.add(eq > 0 && masker.isSecretName(e.substring(0, eq))
                        ? e.substring(0, eq + 1) + SecretMasker.MASK : masker.mask(e));
            }
        }
        String image = c.getConfig() == null ? null : c.getConfig().getImage();
        String name = c.getName() == null ? null : c.getName().replaceFirst("^/", "");
        IsolationFields isolation = IsolationFields.of(c.getHostConfig(), c.getConfig());
        return new ContainerSection(c.getId(), name, image, c.getImageId(), state(c, masker),
                masker.maskArgs(command), env, ports(c), attachments(c), isolation.limits(), isolation.namespaces(),
                isolation.security());
    }

    private static ContainerSection.State state(InspectContainerResponse c, SecretMasker masker) {
        InspectContainerResponse.ContainerState s = c.getState();
        int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
        if (s == null) {
            return new ContainerSection.State("unknown", null, false, false, "", restarts, null, null, null, null,
                    List.of());
        }
        HealthState health = ContainerStatus.health(s).orElse(null);
        List<ContainerSection.Probe> probes = new ArrayList<>();
        if (health != null && health.getLog() != null) {
            for (HealthStateLog l : health.getLog()) {
                probes.add(new ContainerSection.Probe(l.getStart(), l.getEnd(), l.getExitCodeLong(),
                        masker.mask(nz(l.getOutput()).strip())));
            }
        }
        return new ContainerSection.State(ContainerStatus.of(s), s.getExitCodeLong(), Boolean.TRUE.equals(s.getOOMKilled()),
                Boolean.TRUE.equals(s.getDead()), masker.mask(nz(s.getError())), restarts, s.getStartedAt(),
                s.getFinishedAt(), health == null ? null : health.getStatus(),
                health == null ? null : health.getFailingStreak(), probes);
    }

    private static List<String> ports(InspectContainerResponse c) {
        List<String> out = new ArrayList<>();
        Ports ports = c.getNetworkSettings() == null ? null : c.getNetworkSettings().getPorts();
        if (ports == null) {
            return out;
        }
        Map<String, String> sorted = new TreeMap<>();
        ports.getBindings().forEach((exposed, bindings) -> {
            StringBuilder b = new StringBuilder();
            if (bindings == null || bindings.length == 0) {
                b.append("not published");
            } else {
                for (Ports.Binding binding : bindings) {
                    if (b.length() > 0) {
                        b.append(", ");
                    }
                    String ip = binding.getHostIp() == null || binding.getHostIp().isEmpty() ? "0.0.0.0"
                            : binding.getHostIp();
                    b.append(ip).append(':').append(binding.getHostPortSpec());
                }
            }
            sorted.put(String.format("%05d/%s", exposed.getPort(), exposed.getProtocol()),
                    exposed.getPort() + "/" + exposed.getProtocol() + " -> " + b);
        });
        out.addAll(sorted.values());
        return out;
    }

    private static List<ContainerSection.Attachment> attachments(InspectContainerResponse c) {
        List<ContainerSection.Attachment> out = new ArrayList<>();
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return out;
        }
        new TreeMap<>(c.getNetworkSettings().getNetworks()).forEach((name, n) -> out.add(attachment(name, n)));
        return out;
    }

    private static ContainerSection.Attachment attachment(String name, ContainerNetwork n) {
        String ip = n.getIpAddress() == null || n.getIpAddress().isEmpty() ? null
                : n.getIpAddress() + (n.getIpPrefixLen() == null ? "" : "/" + n.getIpPrefixLen());
        List<String> aliases = n.getAliases() == null ? List.of() : n.getAliases();
        return new ContainerSection.Attachment(name, aliases, ip);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
