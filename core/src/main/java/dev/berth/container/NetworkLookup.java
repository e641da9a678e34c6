package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** Asks the engine whether a network exists, by name or id. */
final class NetworkLookup {
    private final DockerClient docker;

    NetworkLookup(DockerClient docker) {
        this.docker = docker;
    }

    boolean exists(String network) {
        try {
            docker.inspectNetworkCmd().withNetworkId(network).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
