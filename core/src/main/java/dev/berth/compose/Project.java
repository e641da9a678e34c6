package dev.berth.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What every service of one file is read against.
 *
 * @param dir the compose file's directory (relative paths resolve against it)
 * @param name the project name, normalised as compose does
 * @param sessionTag what makes names unique per session (the session id's first 8 characters)
 * @param variables the interpolation variables: the environment over the {@code .env} file
 * @param volumes the top-level volumes
 * @param networks the top-level networks (with {@code default})
 * @param services the service names
 */
record Project(Path dir, String name, String sessionTag, Map<String, String> variables, Set<String> volumes,
               Set<String> networks, Set<String> services) {
    /**
     * @return the name of a named volume as Berth declares it, {@code <project>_<volume>}; core's
     *     {@code Mount.volume} makes it per session on the engine ({@code berth-<project>_<volume>-<session>})
     */
    String volumeName(String volume) {
        return name + "_" + volume;
    }

    /** @return the per-session tag of a built image: {@code <project>-<service>:<session>} */
    String buildTag(String service) {
        return name + "-" + service.toLowerCase(java.util.Locale.ROOT) + ":" + sessionTag;
    }
}
