package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.berth.EngineDetails;
import dev.berth.EngineInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads {@code /info} and {@code /version} into an {@link EngineInfo} or {@link EngineDetails}. */
public final class EngineInfoReader {
    private EngineInfoReader() {
    }

    /**
     * @param docker the engine client
     * @return what the engine reports about itself
     */
    public static EngineInfo read(DockerClient docker) {
        Info info = docker.infoCmd().exec();
        Version version = docker.versionCmd().exec();
        return info(info, version, EngineKind.of(info, version));
    }

    /**
     * @param docker the engine client
     * @return the info, the limits it cannot apply ({@link EngineKind#unapplied()}), data root and clock, from one
     *     info and one version call
     */
    public static EngineDetails details(DockerClient docker) {
        Info info = docker.infoCmd().exec();
        Version version = docker.versionCmd().exec();
        EngineKind kind = EngineKind.of(info, version);
        return new EngineDetails(info(info, version, kind),
                EngineKind.CGROUP_LIMITS.stream().filter(kind.unapplied()::contains).toList(),
                Optional.ofNullable(info.getDockerRootDir()).filter(s -> !s.isBlank()), time(info.getSystemTime()));
    }

    static EngineInfo info(Info info, Version version, EngineKind kind) {
        List<String> security = info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
        return new EngineInfo(kind.product(), kind.version(),
                text(version.getApiVersion()),
                text(info.getOperatingSystem()),
                text(info.getOsType()),
                text(info.getArchitecture()),
                text(info.getKernelVersion()),
                text(info.getCGroupDriver()),
                text(info.getCGroupVersion()),
                text(info.getDriver()),
                number(info.getNCPU()),
                info.getMemTotal() == null ? -1 : info.getMemTotal(),
                EngineInfo.SecurityOptions.parse(security),
                number(info.getContainersRunning()),
                number(info.getContainersStopped()),
                number(info.getImages()));
    }

    private static Optional<Instant> time(String systemTime) {
        try {
            return Optional.ofNullable(systemTime).map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int number(Integer i) {
        return i == null ? -1 : i;
    }
}
