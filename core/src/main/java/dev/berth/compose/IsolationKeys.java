package dev.berth.compose;

import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.NetworkMode;
import dev.berth.Namespaces;
import dev.berth.PidMode;
import dev.berth.Security;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the isolation keys: {@code cap_add}, {@code cap_drop}, {@code read_only}, {@code security_opt},
 * {@code privileged}, {@code user} onto {@link Security}; {@code ipc}, {@code pid}, {@code network_mode},
 * {@code init}, {@code hostname}, {@code domainname} onto {@link Namespaces} (where the fluent API sets them). {@code service:<name>} modes share another service's
 * namespace and make this service depend on it.
 */
final class IsolationKeys {
    private final Project project;
    private final String service;
    private final List<String> references = new ArrayList<>();

    IsolationKeys(Project project, String service) {
        this.project = project;
        this.service = service;
    }

    /** @return the services named by {@code service:<name>} modes */
    List<String> serviceReferences() {
        return references;
    }

    ContainerSpec apply(ContainerSpec spec, Map<String, Value> keys) {
        Security s = spec.security();
        Namespaces n = spec.namespaces();
        for (Map.Entry<String, Value> e : keys.entrySet()) {
            Value v = e.getValue();
            Security sec = s;
            Namespaces ns = n;
            switch (e.getKey()) {
                case "cap_add" -> s = v.mapped(() -> sec.withCapAdd(v.strings().toArray(String[]::new)));
                case "cap_drop" -> s = v.mapped(() -> sec.withCapDrop(v.strings().toArray(String[]::new)));
                case "read_only" -> s = v.bool() ? sec.withReadOnlyRootfs() : sec;
                case "privileged" -> s = v.bool() ? sec.withPrivileged() : sec;
                case "user" -> s = v.mapped(() -> sec.withUser(v.text()));
                case "security_opt" -> {
                    for (Value opt : v.list()) {
                        Security before = s;
                        s = opt.mapped(() -> securityOpt(before, opt));
                    }
                }
                case "ipc" -> n = v.mapped(() -> ns.withIpc(ipc(v)));
                case "pid" -> n = v.mapped(() -> ns.withPid(pid(v)));
                case "network_mode" -> n = v.mapped(() -> ns.withNetwork(network(v)));
                case "init" -> n = v.bool() ? ns.withInit() : ns;
                case "hostname" -> n = v.mapped(() -> ns.withHostname(v.text()));
                case "domainname" -> n = v.mapped(() -> ns.withDomainname(v.text()));
                default -> { }
            }
        }
        return spec.withSecurity(s).withNamespaces(n);
    }

    private static Security securityOpt(Security s, Value v) {
        String opt = v.text();
        int sep = firstOf(opt, ':', '=');
        String key = sep < 0 ? opt : opt.substring(0, sep);
        String value = sep < 0 ? "" : opt.substring(sep + 1);
        switch (key) {
            case "no-new-privileges":
                if (value.isEmpty() || value.equals("true")) {
                    return s.withNoNewPrivileges();
                }
                return value.equals("false") ? s : fail(v, opt);
            case "seccomp":
                return value.equals("unconfined") ? s.withSeccompUnconfined() : s.withSeccompProfile(Path.of(value));
            case "apparmor":
                return s.withAppArmorProfile(value);
            case "label":
                if (value.equals("disable")) {
                    return s.withSelinuxDisabled();
                }
                int colon = value.indexOf(':');
                String part = colon < 0 ? "" : value.substring(0, colon);
                String label = colon < 0 ? "" : value.substring(colon + 1);
                return switch (part) {
                    case "user" -> s.withSelinuxUser(label);
                    case "role" -> s.withSelinuxRole(label);
                    case "type" -> s.withSelinuxType(label);
                    case "level" -> s.withSelinuxLevel(label);
                    default -> fail(v, opt);
                };
            default:
                return fail(v, opt);
        }
    }

    private static Security fail(Value v, String opt) {
        throw v.invalid("security_opt", opt, "no-new-privileges[:true], seccomp:unconfined, seccomp:<profile.json>,"
                + " apparmor:<profile>, label:disable or label:user|role|type|level:<value>", "no-new-privileges:true");
    }

    private IpcMode ipc(Value v) {
        String mode = v.text();
        return switch (mode) {
            case "host" -> IpcMode.host();
            case "shareable" -> IpcMode.shareable();
            case "private" -> IpcMode.isolated();
            case "none" -> IpcMode.none();
            default -> IpcMode.container(serviceRef(v, mode, "private, shareable, none, host or service:<name>"));
        };
    }

    private PidMode pid(Value v) {
        String mode = v.text();
        return mode.equals("host") ? PidMode.host() : PidMode.container(serviceRef(v, mode, "host or service:<name>"));
    }

    private NetworkMode network(Value v) {
        String mode = v.text();
        return switch (mode) {
            case "bridge" -> NetworkMode.bridge();
            case "host" -> NetworkMode.host();
            case "none" -> NetworkMode.none();
            default -> NetworkMode.container(serviceRef(v, mode, "bridge, host, none or service:<name>"));
        };
    }

    private String serviceRef(Value v, String mode, String allowed) {
        String other = mode.startsWith("service:") ? mode.substring("service:".length()) : null;
        if (other == null || !project.services().contains(other) || other.equals(service)) {
            throw v.invalid(v.key(), mode, allowed + ", naming another service of this file (container:<name> is"
                    + " not supported: container names are per session)", "service:" + project.services().stream()
                    .filter(x -> !x.equals(service)).findFirst().orElse("db"));
        }
        references.add(other);
        return other;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
