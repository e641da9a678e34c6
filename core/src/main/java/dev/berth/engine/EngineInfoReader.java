package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import dev.berth.EngineDetails;
import dev.berth.EngineInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
        SelfDescription self = SelfDescription.read(docker);
        return info(self, EngineKind.of(self));
    }

    /**
     * @param docker the engine client
     * @return the info, the limits it cannot apply ({@link EngineKind#unapplied()}), data root and clock, from one
     *     info and one version call
     */
    public static EngineDetails details(DockerClient docker) {
        SelfDescription self = SelfDescription.read(docker);
        EngineKind kind = EngineKind.of(self);
        return new EngineDetails(info(self, kind),
                EngineKind.CGROUP_LIMITS.stream().filter(kind.unapplied()::contains).toList(),
                Optional.of(self.infoText("DockerRootDir")).filter(s -> !s.isBlank()), time(self.infoText("SystemTime")));
    }

    static EngineInfo info(SelfDescription self, EngineKind kind) {
        return new EngineInfo(kind.product(), kind.version(),
                self.versionText("ApiVersion"),
                self.infoText("OperatingSystem"),
                self.infoText("OSType"),
                self.infoText("Architecture"),
                self.infoText("KernelVersion"),
                self.infoText("CgroupDriver"),
                self.infoText("CgroupVersion"),
                self.infoText("Driver"),
                (int) self.infoNumber("NCPU"),
                self.infoNumber("MemTotal"),
                EngineInfo.SecurityOptions.parse(self.securityOptions()),
                (int) self.infoNumber("ContainersRunning"),
                (int) self.infoNumber("ContainersStopped"),
                (int) self.infoNumber("Images"));
    }

    private static Optional<Instant> time(String systemTime) {
        try {
            return Optional.of(systemTime).filter(t -> !t.isEmpty()).map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
