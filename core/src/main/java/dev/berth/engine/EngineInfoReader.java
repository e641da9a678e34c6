package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.berth.EngineInfo;
import java.util.List;

/** Reads {@code /info} and {@code /version} into an {@link EngineInfo}. */
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
        List<String> security = info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
        EngineKind kind = EngineKind.of(info, version);
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

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int number(Integer i) {
        return i == null ? -1 : i;
    }
}
