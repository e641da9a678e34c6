package dev.berth.image;

/** Image names as the docker CLI shows them, whichever engine reported them. */
public final class ImageNames {
    /** The prefix Podman gives a name without a registry that it holds only locally ({@code localhost/x:1}). */
    public static final String PODMAN_LOCAL = "localhost/";

    private ImageNames() {
    }

    /**
     * Podman reports names fully qualified ({@code docker.io/library/redis:7}, {@code docker.io/berth-snapshots/x:1});
     * Docker does not.
     *
     * @param name an image name an engine reported
     * @return it without Docker Hub's {@code docker.io/} and {@code library/} prefixes
     */
    public static String familiar(String name) {
        String s = name.startsWith("docker.io/") ? name.substring("docker.io/".length()) : name;
        return s.startsWith("library/") && s.indexOf('/', "library/".length()) < 0 ? s.substring("library/".length()) : s;
    }

    /**
     * Podman qualifies a name without a registry that it loads or tags locally as {@code localhost/<name>}
     * (Docker would keep {@code <name>}, and on Docker {@code localhost/<name>} is a registry's name, so this is
     * for names a Podman engine reported only).
     *
     * @param name an image name Podman reported
     * @return it as the docker CLI on a Docker engine shows it: without {@code localhost/}, {@code docker.io/}
     *     and {@code library/}
     */
    public static String familiarOnPodman(String name) {
        return familiar(name.startsWith(PODMAN_LOCAL) ? name.substring(PODMAN_LOCAL.length()) : name);
    }
}
