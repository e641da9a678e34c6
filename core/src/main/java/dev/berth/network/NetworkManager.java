package dev.berth.network;

import com.github.dockerjava.api.DockerClient;
import dev.berth.InvalidSpecException;
import dev.berth.Network;
import dev.berth.session.Session;

/** Creates and removes user-defined networks for a session. */
public final class NetworkManager {
    private final DockerClient docker;
    private final Session session;

    /**
     * @param docker the engine client
     * @param session the session that records the networks
     */
    public NetworkManager(DockerClient docker, Session session) {
        this.docker = docker;
        this.session = session;
    }

    /**
     * @param name the declared name
     * @return the created network
     */
    public Network create(String name) {
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,40}")) {
            throw new InvalidSpecException("network name", String.valueOf(name),
                    "1 to 41 letters, digits, '.', '-' or '_', starting with a letter or digit", "\"backend\"");
        }
        String engineName = name + "-" + session.id().substring(0, 8) + "-" + Long.toHexString(System.nanoTime());
        String id = docker.createNetworkCmd().withName(engineName).withDriver("bridge")
                .withLabels(session.labels()).withCheckDuplicate(true).exec().getId();
        session.record(Session.Kind.NETWORK, id, engineName);
        return new DockerNetwork(docker, session, id, engineName);
    }
}
