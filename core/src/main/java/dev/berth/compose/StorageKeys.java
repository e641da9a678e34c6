package dev.berth.compose;

import dev.berth.ContainerSpec;
import dev.berth.Mount;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code volumes} (named, anonymous, bind with {@code ro}/{@code rw}/{@code z}/{@code Z}, in the long form
 * {@code read_only} and {@code bind.selinux}),
 * {@code tmpfs}, {@code ports} and {@code expose}. Named volumes are {@code Mount.volume("<project>_<volume>")},
 * per session on the engine and removed with the last container using them; an anonymous volume is one
 * such volume per service and path ({@code <project>_<service>-anon<N>}).
 * {@code ports} with a host port publish on that fixed port, without one (and {@code expose}) on a
 * random port of 127.0.0.1.
 */
final class StorageKeys {
    private static final Set<String> LONG_VOLUME = Set.of("type", "source", "target", "read_only", "bind");
    private static final Set<String> LONG_BIND = Set.of("selinux");
    private static final Set<String> LONG_PORT = Set.of("target", "published", "protocol");
    private final Project project;
    private final String service;

    StorageKeys(Project project, String service) {
        this.project = project;
        this.service = service;
    }

    ContainerSpec apply(ContainerSpec spec, Map<String, Value> keys) {
        ContainerSpec s = spec;
        if (keys.containsKey("volumes")) {
            int anonymous = 0;
            for (Value v : keys.get("volumes").list()) {
                Mount m = v.isMapping() ? longVolume(v, anonymous) : shortVolume(v, anonymous);
                if (m.source().startsWith(project.volumeName(service + "-anon"))) {
                    anonymous++;
                }
                ContainerSpec before = s;
                s = v.mapped(() -> before.withMount(m));
            }
        }
        if (keys.containsKey("tmpfs")) {
            for (String t : keys.get("tmpfs").strings()) {
                int colon = t.indexOf(':');
                ContainerSpec before = s;
                s = keys.get("tmpfs").mapped(() -> before.withSecurity(before.security().withTmpfs(
                        colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1))));
            }
        }
        if (keys.containsKey("ports")) {
            for (Value p : keys.get("ports").list()) {
                s = port(s, p);
            }
        }
        if (keys.containsKey("expose")) {
            for (Value p : keys.get("expose").list()) {
                int port = portNumber(p, stripTcp(p, p.text()));
                ContainerSpec before = s;
                s = p.mapped(() -> before.withExposedPorts(port));
            }
        }
        return s;
    }

    private Mount shortVolume(Value v, int anonymous) {
        String text = v.text();
        String[] parts = text.split(":", -1);
        if (parts.length == 1) {
            return v.mapped(() -> Mount.volume(project.volumeName(service + "-anon" + anonymous), parts[0]));
        }
        if (parts.length > 3) {
            throw v.invalid("volume", text, "SOURCE:TARGET[:MODE], a named volume or a host path, MODE one of ro,"
                    + " rw, z, Z (comma-separated)", "./init:/docker-entrypoint-initdb.d:ro");
        }
        Mount m = mount(v, parts[0], parts[1], false);
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                m = switch (mode) {
                    case "ro" -> m.readOnlyMount();
                    case "rw" -> m;
                    case "z" -> m.withRelabel(Mount.Relabel.SHARED);
                    case "Z" -> m.withRelabel(Mount.Relabel.PRIVATE);
                    default -> throw v.invalid("volume mode", mode, "ro, rw, z or Z (comma-separated)", "ro,Z");
                };
            }
        }
        return m;
    }

    private Mount longVolume(Value v, int anonymous) {
        Map<String, Value> keys = v.mapping(LONG_VOLUME);
        String type = keys.containsKey("type") ? keys.get("type").text() : "volume";
        Value target = keys.get("target");
        if (target == null || !(type.equals("volume") || type.equals("bind"))) {
            throw v.invalid("volume", target == null ? "without target" : "type " + type,
                    "type volume or bind, a source and a target", "{type: bind, source: ./data, target: /data}");
        }
        Value source = keys.get("source");
        Mount m = source == null
                ? v.mapped(() -> Mount.volume(project.volumeName(service + "-anon" + anonymous), target.text()))
                : mount(source, source.text(), target.text(), type.equals("bind"));
        if (keys.containsKey("bind")) {
            Value selinux = keys.get("bind").mapping(LONG_BIND).get("selinux");
            if (selinux != null) {
                m = switch (selinux.text()) {
                    case "z" -> m.withRelabel(Mount.Relabel.SHARED);
                    case "Z" -> m.withRelabel(Mount.Relabel.PRIVATE);
                    default -> throw selinux.invalid("bind selinux", selinux.text(), "z (shared) or Z (private)",
                            "bind: {selinux: z}");
                };
            }
        }
        return keys.containsKey("read_only") && keys.get("read_only").bool() ? m.readOnlyMount() : m;
    }

    private Mount mount(Value v, String source, String target, boolean bind) {
        boolean path = bind || source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        if (path) {
            String host = source.startsWith("~") ? System.getProperty("user.home") + source.substring(1)
                    : project.dir().resolve(source).normalize().toString();
            return v.mapped(() -> Mount.bind(Path.of(host).toString(), target));
        }
        if (!project.volumes().contains(source)) {
            throw v.invalid("volume", source, "a volume declared under the top-level volumes"
                    + (project.volumes().isEmpty() ? "" : ": " + String.join(", ", project.volumes()))
                    + ", or a host path starting with /, . or ~", "volumes: {" + source + ": {}}");
        }
        return v.mapped(() -> Mount.volume(project.volumeName(source), target));
    }

    private static ContainerSpec port(ContainerSpec spec, Value p) {
        if (p.isMapping()) {
            Map<String, Value> keys = p.mapping(LONG_PORT);
            if (keys.containsKey("protocol") && !keys.get("protocol").text().equals("tcp")) {
                throw keys.get("protocol").invalid("port protocol", keys.get("protocol").text(), "tcp", "tcp");
            }
            Value target = keys.get("target");
            if (target == null) {
                throw p.invalid("port", "without target", "a target port", "{target: 80, published: 8080}");
            }
            int container = portNumber(target, target.text());
            Value published = keys.get("published");
            return published == null ? p.mapped(() -> spec.withExposedPorts(container))
                    : p.mapped(() -> spec.withFixedPort(container, portNumber(published, published.text())));
        }
        String text = stripTcp(p, p.text());
        String[] parts = text.split(":");
        if (parts.length == 3 && !parts[0].equals("127.0.0.1")) {
            throw p.invalid("port", p.text(), "[127.0.0.1:][HOST:]CONTAINER[/tcp]: Berth publishes on 127.0.0.1"
                    + " for a local engine", "\"127.0.0.1:8080:80\"");
        }
        int container = portNumber(p, parts[parts.length - 1]);
        if (parts.length == 1) {
            return p.mapped(() -> spec.withExposedPorts(container));
        }
        int host = portNumber(p, parts[parts.length - 2]);
        return p.mapped(() -> spec.withFixedPort(container, host));
    }

    private static String stripTcp(Value p, String text) {
        int slash = text.indexOf('/');
        if (slash >= 0 && !text.substring(slash + 1).equals("tcp")) {
            throw p.invalid("port protocol", text.substring(slash + 1), "tcp", "\"8080:80/tcp\"");
        }
        return slash < 0 ? text : text.substring(0, slash);
    }

    private static int portNumber(Value p, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw p.invalid("port", text, "a port number 1 to 65535 (ranges are not supported)", "\"8080:80\"");
    }
}
