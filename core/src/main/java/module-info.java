/**
 * Berth core: real Docker containers for Java programs and test suites, over docker-java.
 *
 * <p>The API is {@code dev.berth} (the front door {@code Berth} → {@code Engine} → {@code ContainerSpec} /
 * {@code RunningContainer}, and the values they take) and {@code dev.berth.wait} (readiness strategies).
 * Every other package is internal; {@code dev.berth.report} is exported only to the JUnit extension,
 * which writes failure reports for failed tests, and {@code dev.berth.engine} only to it for the one
 * duration parser and the pool of engines ({@code EnginePool}) it places test classes on.
 */
module dev.berth.core {
    // Engine.docker() hands out docker-java's DockerClient: the one documented docker-java type in the API.
    requires transitive com.github.dockerjava.api;
    requires com.github.dockerjava.core;
    requires com.github.dockerjava.transport;
    requires com.github.dockerjava.transport.zerodep;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires org.slf4j;
    // Awaitility 4.3.0 has no module descriptor nor Automatic-Module-Name: its name comes from the jar file.
    requires awaitility;
    requires java.management;
    requires java.net.http;
    // compose files (dev.berth.compose): the composer's node API keeps line and column
    requires org.snakeyaml.engine;

    exports dev.berth;
    exports dev.berth.wait;
    exports dev.berth.compose;
    exports dev.berth.report to dev.berth.junit;
    // the one duration grammar (Durations) for the extension's startupTimeout and berth.startup-timeout, and the
    // pool of engines (EnginePool, EnginePlacement) the extension places each test class on (berth.docker.hosts)
    exports dev.berth.engine to dev.berth.junit;
}
