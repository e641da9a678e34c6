package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import dev.berth.engine.DockerConfigDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry credentials resolved as the docker CLI resolves them from {@code config.json}: a
 * {@code credHelpers} entry for the registry runs that helper; otherwise a {@code credsStore} runs the
 * store's helper ({@link CredentialHelper}); otherwise the {@code auths} section (what {@code docker login}
 * writes without a credential store) is read: {@code auth} is base64 of {@code user:password};
 * {@code username}/{@code password} and {@code identitytoken} are read too.
 */
final class RegistryAuth {
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private RegistryAuth() {
    }

    /**
     * @param config the docker CLI configuration directory
     * @param registry host[:port], {@code docker.io} for Docker Hub
     * @return the credentials for that registry, if config.json has any
     */
    static Optional<AuthConfig> forRegistry(DockerConfigDir config, String registry) {
        Optional<JsonNode> json = config.config();
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String file = config.path().resolve("config.json").toString();
        String wanted = normalize(registry);
        for (Map.Entry<String, JsonNode> e : json.get().path("credHelpers").properties()) {
            if (normalize(e.getKey()).equals(wanted) && !e.getValue().asText("").isBlank()) {
                return helper(config, e.getValue().asText(), "credHelpers in " + file, registry);
            }
        }
        String store = json.get().path("credsStore").asText("");
        if (!store.isBlank()) {
            return helper(config, store, "credsStore in " + file, registry);
        }
        return forRegistry(json.get(), registry);
    }

    private static Optional<AuthConfig> helper(DockerConfigDir config, String name, String origin, String registry) {
        String shown = normalize(registry);
        Path executable = config.credentialHelper(name).orElseThrow(() ->
                new CredentialHelper.CredentialsUnavailableException("the credential helper docker-credential-" + name
                        + " (" + origin + ") for " + shown + " is not on PATH; install it, or remove it from "
                        + "config.json"));
        return new CredentialHelper(name, executable, origin).get(shown, serverAddress(shown));
    }

    /** @return what the CLI asks a helper for: Docker Hub's legacy index URL, else host[:port] */
    static String serverAddress(String normalizedRegistry) {
        return normalizedRegistry.equals("docker.io") ? "https://index.docker.io/v1/" : normalizedRegistry;
    }

    /**
     * @param configJson config.json's content
     * @param registry host[:port], {@code docker.io} for Docker Hub
     * @return the credentials for that registry, if any
     */
    static Optional<AuthConfig> forRegistry(JsonNode configJson, String registry) {
        JsonNode auths = configJson.path("auths");
        String wanted = normalize(registry);
        for (Map.Entry<String, JsonNode> e : auths.properties()) {
            if (normalize(e.getKey()).equals(wanted)) {
                return credentials(e.getKey(), e.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<AuthConfig> credentials(String address, JsonNode entry) {
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the auth entry for " + address + " is not base64 of user:password");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("the auth entry for " + address + " is not base64 of user:password");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        String token = entry.path("identitytoken").asText("");
        if (user.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        AuthConfig config = new AuthConfig().withRegistryAddress(address);
        if (!user.isEmpty()) {
            config = config.withUsername(user).withPassword(password);
        }
        if (!token.isEmpty()) {
            config = config.withIdentityToken(token);
        }
        return Optional.of(config);
    }

    /** @return host[:port] without scheme or path; Docker Hub's aliases all become {@code docker.io} */
    static String normalize(String address) {
        String s = address.trim().toLowerCase(java.util.Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        return DOCKER_HUB.contains(s) ? "docker.io" : s;
    }
}
