package dev.berth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an engine listens, and how published ports are reached from this process.
 *
 * @param dockerHost {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
 * @param tlsVerify whether TLS is used (tcp only)
 * @param certPath directory with ca.pem, cert.pem, key.pem; empty without TLS
 * @param source how this location was found, e.g. {@code "DOCKER_HOST"}
 */
public record EngineEndpoint(String dockerHost, boolean tlsVerify, Optional<String> certPath, String source) {

    /**
     * Nothing may be null: no certificate directory is an empty optional.
     *
     * @param dockerHost {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
     * @param tlsVerify whether TLS is used (tcp only)
     * @param certPath directory with ca.pem, cert.pem, key.pem; empty without TLS
     * @param source how this location was found, e.g. {@code "DOCKER_HOST"}
     */
    public EngineEndpoint {
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(certPath, "certPath (empty for none)");
        Objects.requireNonNull(source, "source");
    }

    /** @return true for a unix socket (an engine on this machine) */
    public boolean isLocal() {
        return dockerHost.startsWith("unix://") || dockerHost.startsWith("npipe://");
    }

    /** @return the host that published ports listen on: 127.0.0.1 locally, the engine's host otherwise */
    public String portHost() {
        if (isLocal()) {
            return "127.0.0.1";
        }
        String host = URI.create(dockerHost).getHost();
        return host == null ? "127.0.0.1" : host;
    }

    /** @return the address ports are bound to when published: 127.0.0.1 locally, all interfaces remotely */
    public String bindAddress() {
        return isLocal() ? "127.0.0.1" : "0.0.0.0";
    }
}
