package dev.berth.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ImageNotFoundException;
import dev.berth.EngineOptions;
import dev.berth.ImageRef;
import dev.berth.Images;
import dev.berth.InvalidSpecException;
import dev.berth.PullPolicy;
import dev.berth.engine.DockerConfigDir;
import dev.berth.engine.EngineKind;
import dev.berth.engine.LoopbackRegistry;
import dev.berth.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Images on one engine: look up, pull (with {@link PullPolicy}), load from archives, build from a
 * Dockerfile directory, import a root filesystem, remove. Images Berth builds or imports carry the
 * session's labels and are removed when the engine is closed. Reached through
 * {@code engine.images()}; immutable and thread-safe ({@code with…} methods return copies).
 */
public final class ImageService implements Images {
    private final DockerClient docker;
    private final Session session;
    private final String mirror;
    private final DockerConfigDir config;
    private final Supplier<EngineKind> kind;

    /**
     * @param docker the engine client
     * @param session labels and records the images Berth creates
     * @param mirror host[:port] of a registry replacing Docker Hub, or null
     * @param config the docker CLI configuration directory (registry credentials)
     * @throws InvalidSpecException if the mirror is not host[:port]
     */
    public ImageService(DockerClient docker, Session session, String mirror, DockerConfigDir config) {
        this(docker, session, mirror, config, EngineKind.lazy(docker));
    }

    /**
     * @param docker the engine client
     * @param session labels and records the images Berth creates
     * @param mirror host[:port] of a registry replacing Docker Hub, or null
     * @param config the docker CLI configuration directory (registry credentials)
     * @param kind the engine's kind, asked only where engines name images differently (loaded images on Podman)
     * @throws InvalidSpecException if the mirror is not host[:port]
     */
    public ImageService(DockerClient docker, Session session, String mirror, DockerConfigDir config,
                        Supplier<EngineKind> kind) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.session = Objects.requireNonNull(session, "session");
        this.mirror = EngineOptions.defaults().withRegistryMirror(mirror).registryMirror().orElse(null);
        this.config = Objects.requireNonNull(config, "config");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param mirror host[:port] of a registry replacing Docker Hub, or null for none
     * @return a copy using that mirror
     */
    public ImageService withMirror(String mirror) {
        return new ImageService(docker, session, mirror, config, kind);
    }

    /**
     * @param dockerConfigDir a directory laid out like {@code ~/.docker} (its config.json is read for auths)
     * @return a copy reading credentials from there
     */
    public ImageService withDockerConfig(Path dockerConfigDir) {
        return withDockerConfig(DockerConfigDir.at(dockerConfigDir));
    }

    /**
     * @param config the docker CLI configuration (and PATH for its credential helpers) to use
     * @return a view of this service with that configuration
     */
    ImageService withDockerConfig(DockerConfigDir config) {
        return new ImageService(docker, session, mirror, config, kind);
    }

    /** @return the registry replacing Docker Hub, or null */
    public String mirror() {
        return mirror;
    }

    /**
     * @param ref an image reference
     * @return the reference images are fetched from: on the mirror for a Docker Hub reference when a
     *     mirror is set, else {@code ref} itself
     */
    public ImageRef source(ImageRef ref) {
        return mirror != null && ref.isDockerHub() ? ref.withRegistry(mirror) : ref;
    }

    /**
     * @param ref an image reference
     * @return true if the engine holds it locally (never contacts a registry)
     */
    @Override
    public boolean exists(ImageRef ref) {
        try {
            docker.inspectImageCmd(ref.toString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * @param ref an image reference
     * @return the id ({@code sha256:…}) of the image the engine holds under it, or empty when it holds
     *     none (never contacts a registry)
     */
    @Override
    public java.util.Optional<String> id(ImageRef ref) {
        try {
            return java.util.Optional.ofNullable(docker.inspectImageCmd(ref.toString()).exec().getId());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param reference an image reference
     * @return true if the engine holds it locally
     * @throws InvalidSpecException if the reference is invalid
     */
    @Override
    public boolean exists(String reference) {
        return exists(ImageRef.parse(reference));
    }

    /**
     * Makes an image available with {@link PullPolicy#MISSING}.
     *
     * @param reference an image reference
     * @return the reference to run (on the mirror if it was pulled from there)
     */
    @Override
    public ImageRef ensure(String reference) {
        return ensure(ImageRef.parse(reference), PullPolicy.MISSING);
    }

    /**
     * Makes an image available locally according to the policy.
     *
     * @param ref the image
     * @param policy MISSING: pull only if absent; ALWAYS: pull; NEVER: local only, no registry contact
     * @return the reference to run: {@code ref}, or its mirror form when that is what exists or was pulled
     * @throws ImageNotFoundException naming each source tried and its error
     */
    @Override
    public ImageRef ensure(ImageRef ref, PullPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        ImageRef source = source(ref);
        List<String> attempts = new ArrayList<>();
        if (policy != PullPolicy.ALWAYS) {
            if (exists(ref)) {
                return ref;
            }
            attempts.add("local images: no " + ref);
            if (!source.equals(ref)) {
                if (exists(source)) {
                    return source;
                }
                attempts.add("local images: no " + source);
            }
            if (policy == PullPolicy.NEVER) {
                attempts.add("pull policy NEVER: no registry contacted");
                throw new ImageNotFoundException(ref.toString(), attempts);
            }
        }
        try {
            new ImagePuller(docker, config).pull(source);
            return source;
        } catch (ImagePuller.PullFailedException e) {
            String hint = source.registry().map(r -> LoopbackRegistry.unreachableHint(r, kind)).orElse("");
            attempts.add(registryName(ref, source) + ": " + e.getMessage() + (hint.isEmpty() ? "" : "; " + hint));
            throw new ImageNotFoundException(ref.toString(), attempts);
        }
    }

    /**
     * Pulls an image (through the mirror for a Docker Hub reference when one is set).
     *
     * @param ref the image
     * @return the reference pulled
     * @throws ImageNotFoundException with the registry's error
     */
    @Override
    public ImageRef pull(ImageRef ref) {
        return ensure(ref, PullPolicy.ALWAYS);
    }

    private String registryName(ImageRef ref, ImageRef source) {
        String registry = "registry " + source.registry().orElse("docker.io");
        return source.equals(ref) ? registry : registry + " (mirror of Docker Hub)";
    }

    /**
     * Loads images from a {@code docker save} archive, streamed from disk ({@code .tar}, or
     * gzip-compressed, recognised by its content). What the load added belongs to this session: an
     * image the engine did not hold is removed when the engine closes (unless labelled
     * {@code dev.berth.keep=true}), a tag added to an image it held is untagged then; an image or tag
     * that was there before is never removed.
     *
     * @param archive the archive
     * @return the references the engine reported: {@code name:tag}, or the image id for an untagged image
     * @throws dev.berth.BerthException if the file is missing, not an archive, or rejected by the engine
     */
    @Override
    public List<String> load(Path archive) {
        return new ImageArchives(docker, session, kind).load(archive);
    }

    /**
     * Builds an image from a directory holding a {@code Dockerfile}. The image gets the session's
     * labels and is removed when the engine closes.
     *
     * @param dockerfileDir the build context, with a {@code Dockerfile}
     * @param buildArgs values for the Dockerfile's {@code ARG}s
     * @param tag the reference to tag the image with
     * @return the tag, parsed
     * @throws dev.berth.BerthException if the directory or Dockerfile is missing, or the build fails
     */
    @Override
    public ImageRef build(Path dockerfileDir, Map<String, String> buildArgs, String tag) {
        return new ImageBuilder(docker, session).build(dockerfileDir, dockerfileDir.resolve("Dockerfile"), buildArgs,
                ImageRef.parse(tag));
    }

    /**
     * Builds an image as {@link #build(Path, Map, String)} does, from a Dockerfile with another name or
     * place (compose's {@code build.dockerfile}).
     *
     * @param context the build context directory
     * @param dockerfile the Dockerfile; a relative path is resolved against {@code context}
     * @param buildArgs values for the Dockerfile's {@code ARG}s
     * @param tag the reference to tag the image with
     * @return the tag, parsed
     * @throws dev.berth.BerthException if the directory or Dockerfile is missing, or the build fails
     */
    public ImageRef build(Path context, Path dockerfile, Map<String, String> buildArgs, String tag) {
        return new ImageBuilder(docker, session).build(context, context.resolve(dockerfile), buildArgs,
                ImageRef.parse(tag));
    }

    /**
     * Imports a root-filesystem tar (like {@code docker import}) as an image, applying Dockerfile
     * instructions such as {@code CMD ["sh"]}, {@code ENV A=b}, {@code EXPOSE 80}. The image gets the
     * session's labels and is removed when the engine closes.
     *
     * @param rootfsTar a tar (optionally gzip/xz/bzip2-compressed) of a root filesystem
     * @param target the reference to give the image
     * @param changes Dockerfile instructions: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR
     * @return {@code target}
     */
    @Override
    public ImageRef importRootfs(Path rootfsTar, ImageRef target, List<String> changes) {
        return new ImageArchives(docker, session, kind).importRootfs(rootfsTar, target, changes);
    }

    /**
     * Removes an image reference (untags it; the image goes when its last reference does).
     *
     * @param ref the image
     * @return false if there was no such image
     */
    @Override
    public boolean remove(ImageRef ref) {
        String id;
        try {
            id = docker.inspectImageCmd(ref.toString()).exec().getId();
            docker.removeImageCmd(ref.toString()).withForce(true).exec();
        } catch (NotFoundException e) {
            return false;
        }
        try {
            docker.inspectImageCmd(id).exec();
        } catch (NotFoundException gone) {
            session.forget(Session.Kind.IMAGE, id);
        }
        return true;
    }
}
