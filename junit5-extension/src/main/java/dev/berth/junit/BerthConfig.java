package dev.berth.junit;

import dev.berth.EngineOptions;
import dev.berth.InvalidSpecException;
import dev.berth.PreparedStarts;
import dev.berth.PullPolicy;
import dev.berth.engine.Durations;
import dev.berth.engine.EnginePlacement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Run configuration read from JUnit configuration parameters ({@code junit-platform.properties},
 * {@code -D} system properties or launcher parameters), all prefixed {@code berth.}; read once per run
 * into {@link RunState}.
 *
 * @param startupTimeout {@code berth.startup-timeout}: default startup timeout of annotation-only containers ({@code 60s})
 * @param pullPolicy {@code berth.pull-policy}: MISSING, ALWAYS or NEVER, for specs that keep the default ({@code MISSING})
 * @param registryMirror {@code berth.registry.mirror}: host[:port] that core pulls Docker Hub images through
 * @param reportDir {@code berth.report-dir}: where notes about kept containers are written ({@code target/berth})
 * @param keepOnFailure {@code berth.keep-on-failure}: leave a failed class's containers running ({@code false})
 * @param dockerHost {@code berth.docker.host}: the only endpoint Berth tries; empty to search the usual places
 * @param dockerHosts {@code berth.docker.hosts}: a pool of engines, each top-level test class placed on one
 *     (core's {@code EnginePool}); empty for one engine
 * @param prepareAhead {@code berth.prepare-ahead}: fresh per-test containers started ahead of the test that gets
 *     them, per spec, 0 (off) to {@link PreparedStarts#MAX_DEPTH} ({@value #DEFAULT_PREPARE_AHEAD})
 */
record BerthConfig(Duration startupTimeout, PullPolicy pullPolicy, Optional<String> registryMirror, Path reportDir,
                   boolean keepOnFailure, Optional<String> dockerHost, Optional<String> dockerHosts,
                   int prepareAhead) {
    static final String STARTUP_TIMEOUT = "berth.startup-timeout";
    static final String PULL_POLICY = "berth.pull-policy";
    static final String REGISTRY_MIRROR = EngineOptions.MIRROR_PROPERTY;
    static final String REPORT_DIR = "berth.report-dir";
    static final String KEEP_ON_FAILURE = "berth.keep-on-failure";
    static final String DOCKER_HOST = EngineOptions.DOCKER_HOST_PROPERTY;
    static final String DOCKER_HOSTS = EngineOptions.DOCKER_HOSTS_PROPERTY;
    static final String PREPARE_AHEAD = "berth.prepare-ahead";
    static final int DEFAULT_PREPARE_AHEAD = 1;

    static BerthConfig from(ExtensionContext context) {
        return from(key -> context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty())
                .orElse(null));
    }

    /**
     * @param get configuration parameters, blank ones as null
     * @return the configuration
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the first bad parameter
     */
    static BerthConfig from(Function<String, String> get) {
        String timeoutText = get.apply(STARTUP_TIMEOUT);
        Duration timeout = Duration.ofSeconds(60);
        if (timeoutText != null) {
            try {
                timeout = Durations.parsePositive("value", timeoutText);
            } catch (InvalidSpecException e) {
                throw Errors.badConfig(STARTUP_TIMEOUT, e);
            }
        }
        String pullText = get.apply(PULL_POLICY);
        PullPolicy pull = PullPolicy.MISSING;
        if (pullText != null) {
            try {
                pull = PullPolicy.valueOf(pullText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Errors.badConfig(PULL_POLICY, pullText, "MISSING, ALWAYS or NEVER", "NEVER");
            }
        }
        String mirror = get.apply(REGISTRY_MIRROR);
        try {
            EngineOptions.defaults().withRegistryMirror(mirror); // core's one rule for a mirror
        } catch (InvalidSpecException e) {
            throw Errors.badConfig(REGISTRY_MIRROR, e);
        }
        String dir = get.apply(REPORT_DIR);
        String keepText = get.apply(KEEP_ON_FAILURE);
        if (keepText != null && !keepText.equalsIgnoreCase("true") && !keepText.equalsIgnoreCase("false")) {
            throw Errors.badConfig(KEEP_ON_FAILURE, keepText, "true or false", "true");
        }
        String host = get.apply(DOCKER_HOST);
        if (host != null && !EnginePlacement.isEndpoint(host)) {
            throw Errors.badConfig(DOCKER_HOST, host, "unix:///path/to/docker.sock or tcp://host:port",
                    "unix:///var/run/docker.sock");
        }
        String hosts = get.apply(DOCKER_HOSTS);
        if (hosts != null) {
            try {
                EngineOptions.defaults().withDockerHost(host).withDockerHosts(hosts); // core's rules for a pool
            } catch (InvalidSpecException e) {
                throw Errors.badConfig(DOCKER_HOSTS, e);
            }
        }
        return new BerthConfig(timeout, pull, Optional.ofNullable(mirror), Path.of(dir == null ? "target/berth" : dir),
                Boolean.parseBoolean(keepText), Optional.ofNullable(host), Optional.ofNullable(hosts),
                prepareAhead(get.apply(PREPARE_AHEAD)));
    }

    private static int prepareAhead(String text) {
        if (text == null) {
            return DEFAULT_PREPARE_AHEAD;
        }
        try {
            int depth = Integer.parseInt(text);
            if (depth >= 0 && depth <= PreparedStarts.MAX_DEPTH) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Errors.badConfig(PREPARE_AHEAD, text, "a whole number from 0 (off) to " + PreparedStarts.MAX_DEPTH
                + ": how many fresh containers per spec to start ahead of the tests that get them", "0");
    }

    /**
     * @return the options the run's engines connect with: {@link EngineOptions#fromEnvironment()} (the one place
     *     the process environment is read), with the docker host or pool and the registry mirror of these
     *     parameters (a host or pool set here replaces one set in the environment)
     */
    EngineOptions engineOptions() {
        EngineOptions options = EngineOptions.fromEnvironment();
        if (dockerHosts.isPresent()) {
            options = options.withDockerHost(null).withDockerHosts(dockerHosts.get());
        } else if (dockerHost.isPresent()) {
            options = options.withDockerHosts(null).withDockerHost(dockerHost.get());
        }
        return registryMirror.isPresent() ? options.withRegistryMirror(registryMirror.get()) : options;
    }
}
