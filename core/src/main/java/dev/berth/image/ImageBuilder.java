package dev.berth.image;

import dev.berth.engine.EngineErrors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.berth.BerthException;
import dev.berth.ImageRef;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds an image from a Dockerfile directory, labelled and recorded for cleanup. */
final class ImageBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);

    private final DockerClient docker;
    private final Session session;

    ImageBuilder(DockerClient docker, Session session) {
        this.docker = docker;
        this.session = session;
    }

    ImageRef build(Path dir, Path dockerfile, Map<String, String> buildArgs, ImageRef tag) {
        if (!Files.isDirectory(dir)) {
            throw new BerthException("Cannot build " + tag + " from " + dir + ": "
                    + (Files.exists(dir) ? "it is not a directory" : "the directory does not exist")
                    + ". Pass a directory holding a Dockerfile.");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new BerthException("Cannot build " + tag + " from " + dir + ": "
                    + (dockerfile.equals(dir.resolve("Dockerfile")) ? "it has no Dockerfile"
                    : "there is no Dockerfile " + dockerfile) + ". Pass a directory holding a Dockerfile.");
        }
        BuildImageCmd cmd = docker.buildImageCmd()
                .withBaseDirectory(dir.toFile())
                .withDockerfile(dockerfile.toFile())
                .withTags(Set.of(tag.toString()))
                .withLabels(session.labels())
                .withPull(false)
                .withForcerm(true);
        buildArgs.forEach(cmd::withBuildArg);
        LOG.info("Building {} from {}", tag, dir);
        String id;
        try {
            id = cmd.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null && !item.getStream().isBlank()) {
                        LOG.debug("{}: {}", tag, item.getStream().strip());
                    }
                    super.onNext(item);
                }
            }).awaitImageId();
        } catch (RuntimeException e) {
            throw new BerthException("Building " + tag + " from " + dir + " failed: " + EngineErrors.message(e)
                    + ". Fix the Dockerfile; the build output is logged at DEBUG by " + ImageBuilder.class.getName()
                    + ".", e);
        }
        id = docker.inspectImageCmd(tag.toString()).exec().getId();
        session.record(Session.Kind.IMAGE, id, tag.toString());
        LOG.info("Built {} ({})", tag, id);
        return tag;
    }
}
