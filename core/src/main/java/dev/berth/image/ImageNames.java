package dev.berth.image;

/** Image names as the docker CLI shows them, whichever engine reported them. */
public final class ImageNames {
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
}
