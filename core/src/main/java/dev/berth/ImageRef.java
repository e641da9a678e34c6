package dev.berth;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference: {@code [registry/]repository[:tag][@digest]}, parsed strictly the way the
 * Docker engine reads it. A reference without tag and digest means {@code :latest}.
 */
public final class ImageRef {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?"
                    + "|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");
    private static final String ALLOWED = "[registry/]repository[:tag][@sha256:digest], lowercase repository";
    private static final String EXAMPLE = "localhost:5000/berth-fixtures/redis:7";

    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    private ImageRef(String registry, String repository, String tag, String digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses a reference.
     *
     * @param reference e.g. {@code "redis"}, {@code "localhost:5000/berth-fixtures/redis:7"}
     * @return the parsed reference
     * @throws InvalidSpecException if the text is not a valid image reference
     */
    public static ImageRef parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidSpecException("image reference", reference == null ? "null" : reference,
                    ALLOWED, EXAMPLE);
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(reference);
            }
        }
        String tag = null;
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(reference);
            }
        }
        String registry = null;
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost") || head.startsWith("[")) {
                if (!REGISTRY.matcher(head).matches()) {
                    throw invalid(reference);
                }
                registry = head;
                rest = rest.substring(first + 1);
            }
        }
        if (rest.isEmpty() || rest.length() > 255) {
            throw invalid(reference);
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(reference);
            }
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    private static InvalidSpecException invalid(String reference) {
        return new InvalidSpecException("image reference", reference, ALLOWED, EXAMPLE);
    }

    /** @return the registry host[:port], empty for Docker Hub */
    public Optional<String> registry() {
        return Optional.ofNullable(registry);
    }

    /** @return the repository path, e.g. {@code berth-fixtures/redis} */
    public String repository() {
        return repository;
    }

    /** @return the tag; {@code latest} when neither tag nor digest was given, empty for a digest alone */
    public Optional<String> tag() {
        return Optional.ofNullable(tag != null ? tag : (digest == null ? "latest" : null));
    }

    /** @return the digest, if the reference pinned one */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** @return repository with registry prefix, without tag or digest (what {@code docker pull} takes as name) */
    public String name() {
        return registry == null ? repository : registry + "/" + repository;
    }

    /**
     * Returns this reference on another registry (used by the registry mirror).
     *
     * @param newRegistry host[:port]
     * @return the rewritten reference
     */
    public ImageRef withRegistry(String newRegistry) {
        String repo = repository;
        if (registry == null && !repo.contains("/")) {
            repo = "library/" + repo;
        }
        return new ImageRef(newRegistry, repo, tag, digest);
    }

    /** @return true when the reference names Docker Hub (no registry, or docker.io) */
    public boolean isDockerHub() {
        return registry == null || registry.equals("docker.io") || registry.equals("index.docker.io")
                || registry.equals("registry-1.docker.io");
    }

    /** @return the canonical text: {@code name[:tag][@digest]} with {@code :latest} filled in */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name());
        tag().ifPresent(t -> b.append(':').append(t));
        if (digest != null) {
            b.append('@').append(digest);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
