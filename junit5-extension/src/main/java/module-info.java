/**
 * Berth's JUnit Jupiter extension: {@code @DockerTest} and the annotations that declare containers,
 * networks and snapshots, a thin adapter over berth-core.
 *
 * <p>Only {@code dev.berth.junit} is exported; the extension reaches core through its API packages and two
 * qualified exports (failure reports, the duration parser). On the module path, open the packages of your
 * test classes to {@code dev.berth.junit} so that it can assign their container fields (as JUnit needs them
 * opened to {@code org.junit.platform.commons}).
 */
module dev.berth.junit {
    requires transitive dev.berth.core;
    requires transitive org.junit.jupiter.api;
    requires org.slf4j;

    exports dev.berth.junit;
}
