package dev.berth.junit.arch.bad;

import com.github.dockerjava.api.DockerClient;
import dev.berth.report.ReportSettings;

/**
 * Breaks every rule of {@code ExtensionArchitectureTest} on purpose (test sources only), so that the test can
 * show each rule failing: it imports docker-java and shows internal types in public signatures.
 */
public class LeakyExtension {
    /** A docker-java type in a public field. */
    public DockerClient docker;

    /** @return a core-internal type in a public signature */
    public ReportSettings report() {
        return ReportSettings.defaults();
    }
}
