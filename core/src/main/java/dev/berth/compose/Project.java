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
    /** @return the engine name of a named volume: {@code <project>-<session>_<volume>} */
    String volumeName(String volume) {
        return name + "-" + sessionTag + "_" + volume;
    }

    /** @return the per-session tag of a built image: {@code <project>-<service>:<session>} */
    String buildTag(String service) {
        return name + "-" + service.toLowerCase(java.util.Locale.ROOT) + ":" + sessionTag;
    }
}
