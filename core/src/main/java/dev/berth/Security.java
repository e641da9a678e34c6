package dev.berth;

import java.util.Optional;
import com.github.dockerjava.api.model.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Security options of a container: SELinux labels, read-only root filesystem with tmpfs paths, capabilities,
 * {@code no-new-privileges}, seccomp and AppArmor profiles, user/group, privileged mode. Immutable; every
 * {@code with…} method returns a validated copy.
 *
 * <pre>{@code
 * Security sec = Security.hardened();                       // read-only, no caps, non-root
 * Security web = Security.defaults().withCapDrop("ALL").withCapAdd("NET_BIND_SERVICE");
 * }</pre>
 */
public final class Security {
    private static final Security DEFAULTS = new Security(new Fields());
    private static final String CAPS = "a Linux capability name such as CHOWN, NET_ADMIN or SYS_PTRACE (with or "
            + "without the CAP_ prefix, any case), or ALL";

    private final Fields f;

    private Security(Fields f) {
        this.f = f;
    }

    /** @return the engine's defaults */
    public static Security defaults() {
        return DEFAULTS;
    }

    /**
     * @return read-only root filesystem with a tmpfs at {@code /tmp}, all capabilities dropped,
     *         {@code no-new-privileges}, running as {@code 65534:65534} (nobody)
     */
    public static Security hardened() {
        return DEFAULTS.withReadOnlyRootfs("/tmp").withCapDrop("ALL").withNoNewPrivileges().withUser("65534:65534");
    }

    private Security with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        List<String> voided = copy.voidedByPrivileged();
        if (!voided.isEmpty()) {
            throw new InvalidSpecException("security", "privileged with " + String.join(", ", voided),
                    "privileged alone, or capabilities, seccomp and AppArmor profiles without privileged (a privileged"
                    + " container gets every capability and runs without seccomp and AppArmor, so the engine would"
                    + " silently ignore them; Security.hardened() drops every capability)",
                    "Security.defaults().withPrivileged()");
        }
        return new Security(copy);
    }

    private Security label(String key, String value, String example) {
        if (value == null || !value.matches("[a-zA-Z0-9_.:,-]+")) {
            throw new InvalidSpecException("SELinux " + key, String.valueOf(value),
                    "an SELinux " + key + " of letters, digits, '_', '.', ':', ',' or '-'", example);
        }
        Map<String, String> copy = new LinkedHashMap<>(f.labels);
        copy.remove("disable");
        copy.put(key, value);
        Map<String, String> frozen = java.util.Collections.unmodifiableMap(copy);
        return with(c -> c.labels = frozen);
    }

    /**
     * @param user SELinux user, e.g. {@code "system_u"} ({@code --security-opt label=user:…})
     * @return the changed copy
     */
    public Security withSelinuxUser(String user) {
        return label("user", user, "\"system_u\"");
    }

    /**
     * @param role SELinux role, e.g. {@code "system_r"} ({@code label=role:…})
     * @return the changed copy
     */
    public Security withSelinuxRole(String role) {
        return label("role", role, "\"system_r\"");
    }

    /**
     * @param type SELinux type, e.g. {@code "container_t"} ({@code label=type:…})
     * @return the changed copy
     */
    public Security withSelinuxType(String type) {
        return label("type", type, "\"container_t\"");
    }

    /**
     * @param level SELinux MLS level, e.g. {@code "s0:c100,c200"} ({@code label=level:…})
     * @return the changed copy
     */
    public Security withSelinuxLevel(String level) {
        return label("level", level, "\"s0:c100,c200\"");
    }

    /**
     * Turns SELinux labelling off for the container ({@code label=disable}), replacing other label options.
     * @return the changed copy
     */
    public Security withSelinuxDisabled() {
        return with(c -> c.labels = Map.of("disable", ""));
    }

    /**
     * @param tmpfsPaths absolute paths that stay writable, each a tmpfs ({@code --read-only --tmpfs PATH})
     * @return the changed copy with a read-only root filesystem
     */
    public Security withReadOnlyRootfs(String... tmpfsPaths) {
        Security s = with(c -> c.readOnlyRootfs = true);
        for (String path : tmpfsPaths) {
            s = s.withTmpfs(path, "");
        }
        return s;
    }

    /**
     * @param path absolute path to mount a tmpfs at ({@code --tmpfs PATH:OPTIONS})
     * @param options tmpfs options such as {@code "size=16m,mode=1777"}, or {@code ""}
     * @return the changed copy
     */
    public Security withTmpfs(String path, String options) {
        if (path == null || !path.startsWith("/") || path.equals("/")) {
            throw new InvalidSpecException("tmpfs path", String.valueOf(path), "an absolute path other than /",
                    "\"/tmp\"");
        }
        Map<String, String> copy = new LinkedHashMap<>(f.tmpfs);
        copy.put(path, options == null ? "" : options);
        Map<String, String> frozen = java.util.Collections.unmodifiableMap(copy);
        return with(c -> c.tmpfs = frozen);
    }

    /**
     * @param caps capabilities to add ({@code --cap-add}), e.g. {@code "NET_ADMIN"}
     * @return the changed copy
     */
    public Security withCapAdd(String... caps) {
        Set<String> all = caps(f.capAdd, "cap add", caps);
        return with(c -> c.capAdd = all);
    }

    /**
     * @param caps capabilities to drop ({@code --cap-drop}), e.g. {@code "ALL"} or {@code "CHOWN"}
     * @return the changed copy
     */
    public Security withCapDrop(String... caps) {
        Set<String> all = caps(f.capDrop, "cap drop", caps);
        return with(c -> c.capDrop = all);
    }

    private static Set<String> caps(Set<String> existing, String option, String... caps) {
        Set<String> out = new LinkedHashSet<>(existing);
        for (String cap : caps) {
            String name = cap == null ? "" : cap.trim().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            try {
                Capability.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException(option, String.valueOf(cap), CAPS, "\"NET_ADMIN\"");
            }
            out.add(name);
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /**
     * Forbids gaining privileges through setuid binaries ({@code no-new-privileges}).
     * @return the changed copy
     */
    public Security withNoNewPrivileges() {
        return with(c -> c.noNewPrivileges = true);
    }

    /**
     * Runs without a seccomp filter ({@code seccomp=unconfined}).
     * @return the changed copy
     */
    public Security withSeccompUnconfined() {
        return with(c -> c.seccomp = "unconfined");
    }

    /**
     * Uses the engine's default seccomp profile (the default).
     * @return the changed copy
     */
    public Security withSeccompDefault() {
        return with(c -> c.seccomp = null);
    }

    /**
     * Reads a seccomp profile now and sends its content inline ({@code seccomp=<json>}), as the docker CLI does.
     *
     * @param profile a JSON seccomp profile file
     * @return the changed copy
     */
    public Security withSeccompProfile(Path profile) {
        String json;
        try {
            json = Files.readString(profile).trim();
        } catch (IOException | RuntimeException e) {
            json = null;
        }
        if (json == null || !json.startsWith("{") || !json.endsWith("}")) {
            throw new InvalidSpecException("seccomp profile", String.valueOf(profile),
                    "a readable JSON seccomp profile file", "Path.of(\"src/test/resources/seccomp.json\")");
        }
        String content = json;
        return with(c -> c.seccomp = content);
    }

    /**
     * @param profile an AppArmor profile loaded on the engine's host, or {@code "unconfined"}
     * @return the changed copy
     */
    public Security withAppArmorProfile(String profile) {
        if (profile == null || !profile.matches("[a-zA-Z0-9_.\\-/]+")) {
            throw new InvalidSpecException("apparmor profile", String.valueOf(profile),
                    "the name of a profile loaded on the engine's host, or \"unconfined\"", "\"docker-default\"");
        }
        return with(c -> c.apparmor = profile);
    }

    /**
     * @param user {@code user}, {@code uid}, {@code user:group} or {@code uid:gid} ({@code --user})
     * @return the changed copy
     */
    public Security withUser(String user) {
        Names.user("user", user, "\"65534:65534\"");
        return with(c -> c.user = user);
    }

    /**
     * Gives the container every capability and device ({@code --privileged}); logged as a warning.
     *
     * @return the changed copy
     * @throws InvalidSpecException if capabilities are added or dropped or a seccomp or AppArmor profile is set (also
     *     when those come after): the engine ignores them for a privileged container, so together they contradict
     */
    public Security withPrivileged() {
        return with(c -> c.privileged = true);
    }

    /** @return SELinux label options by key ({@code user}, {@code role}, {@code type}, {@code level}, {@code disable}) */
    public Map<String, String> selinuxLabels() { return f.labels; }
    /** @return whether the root filesystem is read-only */
    public boolean readOnlyRootfs() { return f.readOnlyRootfs; }
    /** @return tmpfs mounts: path to options */
    public Map<String, String> tmpfs() { return f.tmpfs; }
    /** @return capabilities added, upper case without {@code CAP_} */
    public Set<String> capAdd() { return f.capAdd; }
    /** @return capabilities dropped, upper case without {@code CAP_} */
    public Set<String> capDrop() { return f.capDrop; }
    /** @return whether {@code no-new-privileges} is set */
    public boolean noNewPrivileges() { return f.noNewPrivileges; }
    /** @return {@code "unconfined"} or a profile's JSON content; empty for the engine's default profile */
    public Optional<String> seccomp() { return Optional.ofNullable(f.seccomp); }
    /** @return the AppArmor profile, empty for the engine's default */
    public Optional<String> appArmorProfile() { return Optional.ofNullable(f.apparmor); }
    /** @return user[:group] the container's processes run as, empty for the image's {@code USER} */
    public Optional<String> user() { return Optional.ofNullable(f.user); }
    /** @return whether the container is privileged */
    public boolean privileged() { return f.privileged; }

    /** @return the engine's {@code HostConfig.SecurityOpt} entries for these options, in docker CLI form */
    public List<String> securityOpts() {
        List<String> out = new java.util.ArrayList<>();
        f.labels.forEach((k, v) -> out.add(v.isEmpty() ? "label=" + k : "label=" + k + ":" + v));
        if (f.noNewPrivileges) {
            out.add("no-new-privileges:true");
        }
        if (f.seccomp != null) {
            out.add("seccomp=" + f.seccomp);
        }
        if (f.apparmor != null) {
            out.add("apparmor=" + f.apparmor);
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Security s && f.key().equals(s.f.key());
    }

    @Override
    public int hashCode() {
        return f.key().hashCode();
    }

    @Override
    public String toString() {
        return "Security" + f.key();
    }

    /** The mutable bag behind one immutable value; only ever changed on a fresh copy. */
    private static final class Fields implements Cloneable {
        Map<String, String> labels = Map.of();
        boolean readOnlyRootfs;
        Map<String, String> tmpfs = Map.of();
        Set<String> capAdd = Set.of();
        Set<String> capDrop = Set.of();
        boolean noNewPrivileges;
        String seccomp;
        String apparmor;
        String user;
        boolean privileged;

        /** @return the options a privileged container would silently ignore, when it is privileged */
        List<String> voidedByPrivileged() {
            List<String> out = new java.util.ArrayList<>();
            if (privileged) {
                if (!capAdd.isEmpty()) {
                    out.add("cap add " + String.join(",", capAdd));
                }
                if (!capDrop.isEmpty()) {
                    out.add("cap drop " + String.join(",", capDrop));
                }
                if (seccomp != null && !seccomp.equals("unconfined")) {
                    out.add("a seccomp profile");
                }
                if (apparmor != null && !apparmor.equals("unconfined")) {
                    out.add("AppArmor profile " + apparmor);
                }
            }
            return out;
        }

        List<Object> key() {
            return Arrays.asList(labels, readOnlyRootfs, tmpfs, capAdd, capDrop, noNewPrivileges, seccomp, apparmor,
                    user, privileged);
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
