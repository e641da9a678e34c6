package dev.berth.network;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Network;
import dev.berth.NetworkSpec;
import dev.berth.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * @return the created bridge network
     */
    public Network create(String name) {
        return create(NetworkSpec.of(name));
    }

    /**
     * @param spec name, driver, internal flag and labels
     * @return the created network, labelled for this session
     */
    public Network create(NetworkSpec spec) {
        String engineName = spec.name() + "-" + session.id().substring(0, 8) + "-"
                + Long.toHexString(System.nanoTime());
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(session.labels());
        String id = docker.createNetworkCmd().withName(engineName).withDriver(spec.driver())
                .withInternal(spec.internal()).withLabels(labels).withCheckDuplicate(true).exec().getId();
        session.record(Session.Kind.NETWORK, id, engineName);
        return new DockerNetwork(docker, session, spec, id, engineName);
    }
}
