package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI configuration directory: {@code $DOCKER_CONFIG}, else {@code ~/.docker}. Read
 * for the current context (engine discovery) and for registry credentials ({@code auths}).
 */
public final class DockerConfigDir {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final String searchPath;

    private DockerConfigDir(Path dir, String searchPath) {
        this.dir = dir;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /**
     * @param env the environment (DOCKER_CONFIG is honoured)
     * @param home the user's home directory
     * @return the configuration directory of the docker CLI
     */
    public static DockerConfigDir of(Map<String, String> env, Path home) {
        String configured = env.get("DOCKER_CONFIG");
        return new DockerConfigDir(configured != null && !configured.isBlank()
                ? Path.of(configured) : home.resolve(".docker"), env.get("PATH"));
    }

    /**
     * @param dir a directory laid out like {@code ~/.docker}
     * @return it, as a configuration directory
     */
    public static DockerConfigDir at(Path dir) {
        return new DockerConfigDir(dir, System.getenv("PATH"));
    }

    /**
     * @param dir a directory laid out like {@code ~/.docker}
     * @param searchPath where credential helpers are looked for, as {@code PATH} lists directories
     * @return it, as a configuration directory
     */
    public static DockerConfigDir at(Path dir, String searchPath) {
        return new DockerConfigDir(dir, searchPath);
    }

    /**
     * Finds a credential helper the way the docker CLI runs it: {@code docker-credential-<name>} on PATH.
     *
     * @param name the helper's name as config.json gives it ({@code credsStore}, {@code credHelpers})
     * @return the executable, if PATH has it
     */
    public Optional<Path> credentialHelper(String name) {
        for (String entry : searchPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry).resolve("docker-credential-" + name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** @return {@code config.json} parsed, or empty when it is missing */
    public Optional<JsonNode> config() {
        return readJson(dir.resolve("config.json"));
    }

    /** @return the {@code currentContext} of config.json, if set */
    public Optional<String> currentContext() {
        return config().map(c -> c.path("currentContext").asText(""))
                .filter(s -> !s.isBlank());
    }

    /**
     * @param context a context name
     * @return where its metadata lives: {@code contexts/meta/<sha256(name)>/meta.json}
     */
    public Path contextMeta(String context) {
        return dir.resolve("contexts").resolve("meta").resolve(sha256(context)).resolve("meta.json");
    }

    /**
     * @param context a context name
     * @return the directory holding its docker endpoint's TLS material (ca.pem, cert.pem, key.pem)
     */
    public Path contextTls(String context) {
        return dir.resolve("contexts").resolve("tls").resolve(sha256(context)).resolve("docker");
    }

    /**
     * @param file a JSON file
     * @return its content, or empty when the file does not exist
     * @throws IllegalStateException when it exists but is not JSON
     */
    static Optional<JsonNode> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
