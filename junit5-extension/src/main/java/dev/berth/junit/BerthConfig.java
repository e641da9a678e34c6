package dev.berth.junit;

import dev.berth.PullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Run configuration read from JUnit configuration parameters ({@code junit-platform.properties},
 * {@code -D} system properties or launcher parameters), all prefixed {@code berth.}.
 *
 * @param startupTimeout {@code berth.startup-timeout}: default startup timeout of annotation-only containers ({@code 60s})
 * @param pullPolicy {@code berth.pull-policy}: MISSING, ALWAYS or NEVER, for specs that keep the default ({@code MISSING})
 * @param registryMirror {@code berth.registry.mirror}: host[:port] that Docker Hub images are pulled through, or null
 * @param reportDir {@code berth.report-dir}: where notes about kept containers are written ({@code target/berth})
 * @param keepOnFailure {@code berth.keep-on-failure}: leave a failed class's containers running ({@code false})
 */
record BerthConfig(Duration startupTimeout, PullPolicy pullPolicy, String registryMirror, Path reportDir,
                   boolean keepOnFailure) {
    static final String STARTUP_TIMEOUT = "berth.startup-timeout";
    static final String PULL_POLICY = "berth.pull-policy";
    static final String REGISTRY_MIRROR = "berth.registry.mirror";
    static final String REPORT_DIR = "berth.report-dir";
    static final String KEEP_ON_FAILURE = "berth.keep-on-failure";
    static final String DOCKER_HOST = "berth.docker.host";

    static BerthConfig from(ExtensionContext context) {
        return from(parameters(context));
    }

    /** @return the context's configuration parameters, trimmed, blank ones as null */
    static Function<String, String> parameters(ExtensionContext context) {
        return key -> context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    /**
     * @param get configuration parameters
     * @return {@code berth.docker.host}: the only endpoint Berth tries, or null to search the usual places
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if it is not unix:// or tcp://
     */
    static String dockerHost(Function<String, String> get) {
        String host = get.apply(DOCKER_HOST);
        if (host != null && !host.matches("unix:///\\S+|tcp://[^\\s/]+(:\\d{1,5})?/?")) {
            throw Errors.badConfig(DOCKER_HOST, host, "unix:///path/to/docker.sock or tcp://host:port",
                    "unix:///var/run/docker.sock");
        }
        return host;
    }

    static BerthConfig from(Function<String, String> get) {
        String timeoutText = get.apply(STARTUP_TIMEOUT);
        Duration timeout = timeoutText == null ? Duration.ofSeconds(60) : Durations.parse(timeoutText);
        if (timeout == null) {
            throw Errors.badConfig(STARTUP_TIMEOUT, timeoutText, "a positive number with unit ms, s, m or h", "90s");
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
        if (mirror != null && !mirror.matches("[a-zA-Z0-9.-]+(:\\d{1,5})?")) {
            throw Errors.badConfig(REGISTRY_MIRROR, mirror, "host or host:port, without scheme or path",
                    "127.0.0.1:5000");
        }
        String dir = get.apply(REPORT_DIR);
        String keepText = get.apply(KEEP_ON_FAILURE);
        if (keepText != null && !keepText.equalsIgnoreCase("true") && !keepText.equalsIgnoreCase("false")) {
            throw Errors.badConfig(KEEP_ON_FAILURE, keepText, "true or false", "true");
        }
        return new BerthConfig(timeout, pull, mirror, Path.of(dir == null ? "target/berth" : dir),
                Boolean.parseBoolean(keepText));
    }
}
