package dev.berth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Replaces the image a spec names by another one when the engine resolves it, so that code naming the
 * official images ({@code postgres:15}, {@code apache/kafka:4.1.1}) runs against a private registry or
 * air-gapped fixtures without changing. Two kinds of rule, exact ones first:
 * <ul>
 *   <li><b>one by one</b>: {@code postgres:15} becomes {@code localhost:5000/berth-fixtures/postgres:15};</li>
 *   <li><b>by prefix</b>: a Docker Hub image the engine does not have gets a prefix, e.g.
 *       {@code localhost:5000/mirror/} turns {@code redis:7} into {@code localhost:5000/mirror/redis:7} and
 *       {@code apache/kafka:4.1.1} into {@code localhost:5000/mirror/apache/kafka:4.1.1}. Images of other
 *       registries, and images present in the engine (snapshots, images you built or loaded), are left alone.</li>
 * </ul>
 * Configured with {@code -Dberth.image.substitutions=from=to,from=to} and {@code -Dberth.image.prefix=…}
 * (or {@code BERTH_IMAGE_SUBSTITUTIONS} / {@code BERTH_IMAGE_PREFIX}; the property wins), read once
 * when the engine connects. Immutable.
 */
public final class ImageSubstitution {
    /** System property: comma-separated {@code from=to} image pairs. */
    public static final String SUBSTITUTIONS_PROPERTY = "berth.image.substitutions";
    /** Environment variable: comma-separated {@code from=to} image pairs (the property wins). */
    public static final String SUBSTITUTIONS_ENV = "BERTH_IMAGE_SUBSTITUTIONS";
    /** System property: a prefix put before every Docker Hub image. */
    public static final String PREFIX_PROPERTY = "berth.image.prefix";
    /** Environment variable: a prefix put before every Docker Hub image (the property wins). */
    public static final String PREFIX_ENV = "BERTH_IMAGE_PREFIX";

    private static final ImageSubstitution NONE = new ImageSubstitution(Map.of(), "");

    private final Map<String, ImageRef> exact;
    private final String prefix;

    private ImageSubstitution(Map<String, ImageRef> exact, String prefix) {
        this.exact = exact;
        this.prefix = prefix;
    }

    /** @return no substitution: every image stays as named */
    public static ImageSubstitution none() {
        return NONE;
    }

    /**
     * Reads {@value #SUBSTITUTIONS_PROPERTY} / {@value #SUBSTITUTIONS_ENV} and {@value #PREFIX_PROPERTY} /
     * {@value #PREFIX_ENV}.
     *
     * @param properties system properties
     * @param env the environment
     * @return the configured substitution, {@link #none()} when nothing is set
     * @throws InvalidSpecException if a pair is not {@code from=to} with two image references
     */
    public static ImageSubstitution fromSettings(Map<?, ?> properties, Map<String, String> env) {
        ImageSubstitution result = NONE;
        String prefix = setting(properties, env, PREFIX_PROPERTY, PREFIX_ENV);
        if (!prefix.isEmpty()) {
            result = result.withPrefix(prefix);
        }
        String pairs = setting(properties, env, SUBSTITUTIONS_PROPERTY, SUBSTITUTIONS_ENV);
        for (String pair : pairs.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new InvalidSpecException(SUBSTITUTIONS_PROPERTY, p, "comma-separated from=to image pairs",
                        "postgres:15=localhost:5000/berth-fixtures/postgres:15");
            }
            result = result.withImage(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return result;
    }

    private static String setting(Map<?, ?> properties, Map<String, String> env, String property, String variable) {
        Object value = properties.get(property);
        if (value != null && !value.toString().isBlank()) {
            return value.toString().strip();
        }
        String fromEnv = env.get(variable);
        return fromEnv == null ? "" : fromEnv.strip();
    }

    /**
     * @param from the image a spec names, e.g. {@code "postgres:15"}
     * @param to the image to run instead, e.g. {@code "localhost:5000/berth-fixtures/postgres:15"}
     * @return a copy with this rule added (replacing an earlier rule for {@code from})
     * @throws InvalidSpecException if either is not a valid image reference
     */
    public ImageSubstitution withImage(String from, String to) {
        ImageRef source = ImageRef.parse(from);
        ImageRef target = ImageRef.parse(to);
        Map<String, ImageRef> copy = new LinkedHashMap<>(exact);
        copy.put(source.toString(), target);
        return new ImageSubstitution(Map.copyOf(copy), prefix);
    }

    /**
     * @param prefix put before every Docker Hub image without an exact rule, e.g.
     *     {@code "localhost:5000/mirror/"}; must end with {@code /}; empty for none
     * @return a copy with this prefix
     * @throws InvalidSpecException if the prefix does not end with {@code /} or does not form valid references
     */
    public ImageSubstitution withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty()) {
            boolean valid = prefix.endsWith("/") && !prefix.contains(" ");
            if (valid) {
                try {
                    ImageRef.parse(prefix + "probe:1");
                } catch (InvalidSpecException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw new InvalidSpecException(PREFIX_PROPERTY, prefix, "a registry and optional path ending with /",
                        "localhost:5000/berth-fixtures/");
            }
        }
        return new ImageSubstitution(exact, prefix);
    }

    /** @return the prefix for Docker Hub images; empty for none */
    public String prefix() {
        return prefix;
    }

    /** @return the one-by-one rules: the image named → the image run */
    public Map<String, ImageRef> images() {
        return exact;
    }

    /**
     * @param image the image a spec names
     * @param present whether the engine already has an image (asked only when the prefix could apply)
     * @return the image to run: the exact rule's target, else the prefixed Docker Hub image when the engine
     *     does not have {@code image}, else {@code image}
     */
    public ImageRef apply(ImageRef image, Predicate<ImageRef> present) {
        return substitute(image, present).orElse(image);
    }

    /**
     * @param image the image a spec names
     * @param present whether the engine already has an image (asked only when the prefix could apply)
     * @return the replacement when a rule applies
     */
    public Optional<ImageRef> substitute(ImageRef image, Predicate<ImageRef> present) {
        ImageRef target = exact.get(image.toString());
        if (target != null) {
            return Optional.of(target);
        }
        if (!prefix.isEmpty() && image.isDockerHub() && image.digest().isEmpty() && !present.test(image)) {
            String name = image.repository().startsWith("library/") ? image.repository().substring(8) : image.repository();
            return Optional.of(ImageRef.parse(prefix + name + ":" + image.tag().orElseThrow()));
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSubstitution other && exact.equals(other.exact) && prefix.equals(other.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, prefix);
    }

    @Override
    public String toString() {
        return "ImageSubstitution[images=" + exact + ", prefix=" + prefix + "]";
    }
}
