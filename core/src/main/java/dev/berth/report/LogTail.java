package dev.berth.report;

import java.util.List;

/**
 * Where a report gets a container's last log lines. A container's captured logs (which survive its
 * removal) are the best source; {@link DockerLogTail} asks the engine while the container exists.
 */
@FunctionalInterface
interface LogTail {
    /**
     * @param containerId the container
     * @param lines how many lines at most
     * @return the last lines, oldest first, without line terminators
     */
    List<String> last(String containerId, int lines);
}
