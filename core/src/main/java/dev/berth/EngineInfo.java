package dev.berth;

import java.util.List;

/**
 * What the engine reports about itself ({@code docker info} and {@code docker version}), as an
 * immutable value. Strings the engine did not report are empty, numbers it did not report are -1.
 *
 * @param product {@code "Docker"}, or {@code "Podman"} when Podman's Docker-compatible API answers
 * @param serverVersion engine version, e.g. {@code "20.10.24+dfsg1"} (Podman's own version on Podman)
 * @param apiVersion the API version the engine speaks, e.g. {@code "1.41"}
 * @param operatingSystem e.g. {@code "Debian GNU/Linux 12 (bookworm)"}
 * @param osType e.g. {@code "linux"}
 * @param architecture e.g. {@code "x86_64"}
 * @param kernelVersion the engine host's kernel
 * @param cgroupDriver {@code "cgroupfs"} or {@code "systemd"}
 * @param cgroupVersion {@code "1"} or {@code "2"}
 * @param storageDriver e.g. {@code "overlay2"}
 * @param cpus CPUs available to the engine
 * @param memoryBytes memory available to the engine
 * @param security the parsed security options
 * @param containersRunning running containers (all users' containers, not only Berth's)
 * @param containersStopped stopped containers
 * @param images images held by the engine
 */
public record EngineInfo(String product, String serverVersion, String apiVersion, String operatingSystem, String osType,
                         String architecture, String kernelVersion, String cgroupDriver, String cgroupVersion,
                         String storageDriver, int cpus, long memoryBytes, SecurityOptions security,
                         int containersRunning, int containersStopped, int images) {

    /**
     * The engine's security options, parsed from entries such as {@code name=seccomp,profile=default}.
     *
     * @param selinux SELinux labelling is enabled
     * @param seccomp seccomp filtering is enabled
     * @param seccompProfile the seccomp profile ({@code "default"}, a path, or empty)
     * @param apparmor AppArmor is enabled
     * @param rootless the engine runs rootless
     * @param userns user-namespace remapping is enabled
     * @param cgroupns containers get a private cgroup namespace by default
     * @param raw the options exactly as the engine reported them
     */
    public record SecurityOptions(boolean selinux, boolean seccomp, String seccompProfile, boolean apparmor,
                                  boolean rootless, boolean userns, boolean cgroupns, List<String> raw) {
        /**
         * Copies the raw list so the value stays immutable.
         * @param selinux SELinux labelling is enabled
         * @param seccomp seccomp filtering is enabled
         * @param seccompProfile the seccomp profile ({@code "default"}, a path, or empty)
         * @param apparmor AppArmor is enabled
         * @param rootless the engine runs rootless
         * @param userns user-namespace remapping is enabled
         * @param cgroupns containers get a private cgroup namespace by default
         * @param raw the options exactly as the engine reported them
         */
        public SecurityOptions {
            raw = List.copyOf(raw);
        }

        /**
         * @param raw entries as {@code docker info} lists them ({@code name=seccomp,profile=default})
         * @return the parsed options; unknown names are kept in {@link #raw()} only
         */
        public static SecurityOptions parse(List<String> raw) {
            boolean selinux = false;
            boolean seccomp = false;
            boolean apparmor = false;
            boolean rootless = false;
            boolean userns = false;
            boolean cgroupns = false;
            String profile = "";
            for (String entry : raw) {
                String name = null;
                String entryProfile = "";
                for (String part : entry.split(",")) {
                    int eq = part.indexOf('=');
                    String key = eq < 0 ? "name" : part.substring(0, eq).trim();
                    String value = eq < 0 ? part.trim() : part.substring(eq + 1).trim();
                    if (key.equals("name")) {
                        name = value;
                    } else if (key.equals("profile")) {
                        entryProfile = value;
                    }
                }
                if (name == null) {
                    continue;
                }
                switch (name) {
                    case "selinux" -> selinux = true;
                    case "seccomp" -> {
                        seccomp = true;
                        profile = entryProfile;
                    }
                    case "apparmor" -> apparmor = true;
                    case "rootless" -> rootless = true;
                    case "userns" -> userns = true;
                    case "cgroupns" -> cgroupns = true;
                    default -> { }
                }
            }
            return new SecurityOptions(selinux, seccomp, profile, apparmor, rootless, userns, cgroupns, raw);
        }
    }

    /** @return a one-line summary, e.g. for a failure report */
    public String summary() {
        return (security.rootless() ? "rootless " : "") + product + " " + serverVersion + " (API " + apiVersion + ") on " + operatingSystem + ", kernel "
                + kernelVersion + ", cgroup v" + cgroupVersion + " (" + cgroupDriver + "), " + storageDriver
                + ", " + cpus + " CPUs, " + (memoryBytes >> 20) + " MiB, security " + security.raw();
    }
}
