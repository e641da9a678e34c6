package dev.berth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images of one engine: check, pull, load, build, import and remove. Images Berth creates carry the
 * session's labels and are removed when the engine is closed; pulls go through the registry mirror of
 * {@link EngineOptions#registryMirror()} for Docker Hub references. Reached through
 * {@link Engine#images()}; thread-safe. Berth implements it, users do not.
 */
public interface Images {
    /**
     * @param ref an image reference
     * @return the id ({@code sha256:…}) of the image the engine holds under it, or empty when it holds
     *     none (never contacts a registry)
     */
    Optional<String> id(ImageRef ref);

    /**
     * @param ref an image reference
     * @return true if the engine holds it locally (never contacts a registry)
     */
    boolean exists(ImageRef ref);

    /**
     * @param reference an image reference
     * @return true if the engine holds it locally
     * @throws InvalidSpecException if the reference is invalid
     */
    boolean exists(String reference);

    /**
     * Makes an image available with {@link PullPolicy#MISSING}.
     *
     * @param reference an image reference
     * @return the reference to run (on the mirror if it was pulled from there)
     */
    ImageRef ensure(String reference);

    /**
     * Makes an image available locally according to the policy.
     *
     * @param ref the image
     * @param policy MISSING: pull only if absent; ALWAYS: pull; NEVER: local only, no registry contact
     * @return the reference to run: {@code ref}, or its mirror form when that is what exists or was pulled
     * @throws ImageNotFoundException naming each source tried and its error
     */
    ImageRef ensure(ImageRef ref, PullPolicy policy);

    /**
     * Pulls an image (through the mirror for a Docker Hub reference when one is set).
     *
     * @param ref the image
     * @return the reference pulled
     * @throws ImageNotFoundException with the registry's error
     */
    ImageRef pull(ImageRef ref);

    /**
     * Loads images from a {@code docker save} archive, streamed from disk ({@code .tar}, or
     * gzip-compressed, recognised by its content).
     *
     * @param archive the archive
     * @return the references the engine reported, as the docker CLI on Docker names them ({@code name:tag}, without
     *     the {@code docker.io/} or {@code localhost/} Podman puts before a name without registry), or the image id
     *     for an untagged image
     * @throws BerthException if the file is missing, not an archive, or rejected by the engine
     */
    List<String> load(Path archive);

    /**
     * Builds an image from a directory holding a {@code Dockerfile}. The image gets the session's
     * labels and is removed when the engine closes.
     *
     * @param dockerfileDir the build context, with a {@code Dockerfile}
     * @param buildArgs values for the Dockerfile's {@code ARG}s
     * @param tag the reference to tag the image with
     * @return the tag, parsed
     * @throws BerthException if the directory or Dockerfile is missing, or the build fails
     */
    ImageRef build(Path dockerfileDir, Map<String, String> buildArgs, String tag);

    /**
     * Builds an image as {@link #build(Path, Map, String)} does, from a Dockerfile with another name or
     * place (compose's {@code build.dockerfile}).
     *
     * @param context the build context directory
     * @param dockerfile the Dockerfile; a relative path is resolved against {@code context}
     * @param buildArgs values for the Dockerfile's {@code ARG}s
     * @param tag the reference to tag the image with
     * @return the tag, parsed
     * @throws BerthException if the directory or Dockerfile is missing, or the build fails
     */
    ImageRef build(Path context, Path dockerfile, Map<String, String> buildArgs, String tag);

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
    ImageRef importRootfs(Path rootfsTar, ImageRef target, List<String> changes);

    /**
     * Removes an image reference (untags it; the image goes when its last reference does).
     *
     * @param ref the image
     * @return false if there was no such image
     */
    boolean remove(ImageRef ref);
}
