package dev.berth.report;

import java.util.List;

/**
 * What {@code docker info} and {@code docker version} said about the engine. Unknown values are null.
 *
 * @param dockerHost where the engine was reached
 * @param serverVersion engine version, e.g. {@code 20.10.24+dfsg1}
 * @param apiVersion API version, e.g. {@code 1.41}
 * @param operatingSystem e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param architecture e.g. {@code x86_64}
 * @param kernelVersion e.g. {@code 6.1.0-18-amd64}
 * @param cgroupDriver {@code cgroupfs} or {@code systemd}
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param storageDriver e.g. {@code overlay2}
 * @param cpus number of CPUs
 * @param memoryBytes total memory
 * @param securityOptions e.g. {@code name=seccomp,profile=default}
 * @param containersRunning running containers on the engine
 * @param containers all containers on the engine
 * @param images images on the engine
 */
public record EngineSection(String dockerHost, String serverVersion, String apiVersion, String operatingSystem,
                            String architecture, String kernelVersion, String cgroupDriver, String cgroupVersion,
                            String storageDriver, Integer cpus, Long memoryBytes, List<String> securityOptions,
                            Integer containersRunning, Integer containers, Integer images) {
    /**
     * Copies the list.
     * @param dockerHost where the engine was reached
     * @param serverVersion engine version, e.g. {@code 20.10.24+dfsg1}
     * @param apiVersion API version, e.g. {@code 1.41}
     * @param operatingSystem e.g. {@code Debian GNU/Linux 12 (bookworm)}
     * @param architecture e.g. {@code x86_64}
     * @param kernelVersion e.g. {@code 6.1.0-18-amd64}
     * @param cgroupDriver {@code cgroupfs} or {@code systemd}
     * @param cgroupVersion {@code 1} or {@code 2}
     * @param storageDriver e.g. {@code overlay2}
     * @param cpus number of CPUs
     * @param memoryBytes total memory
     * @param securityOptions e.g. {@code name=seccomp,profile=default}
     * @param containersRunning running containers on the engine
     * @param containers all containers on the engine
     * @param images images on the engine
     */
    public EngineSection {
        securityOptions = securityOptions == null ? List.of() : List.copyOf(securityOptions);
    }
}
