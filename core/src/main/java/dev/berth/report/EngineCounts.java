package dev.berth.report;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.berth.engine.ImageLists;
import java.util.List;

/**
 * How many containers and images the engine holds now, counted from its lists: two quick calls on every engine,
 * where Podman takes 1–2 s to answer {@code /info}, which carries the same counts.
 *
 * @param running running containers
 * @param containers all containers
 * @param images images (top-level, as {@code docker images} lists them)
 */
record EngineCounts(int running, int containers, int images) {
    static EngineCounts listed(DockerClient docker) {
        List<Container> all = docker.listContainersCmd().withShowAll(true).exec();
        int running = (int) all.stream().filter(c -> "running".equals(c.getState())).count();
        return new EngineCounts(running, all.size(), ImageLists.list(docker.listImagesCmd()).size());
    }
}
