package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a docker credential helper as the docker CLI does: {@code docker-credential-<name> get}, the
 * server address on stdin, {@code {"ServerURL":…,"Username":…,"Secret":…}} on stdout. A helper that
 * answers "credentials not found" means no credentials (an anonymous pull), as in the CLI; any other
 * failure is a {@link CredentialsUnavailableException} naming the helper and the registry.
 */
final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path executable;
    private final String origin;

    /**
     * @param name the helper's name ({@code osxkeychain}, {@code pass}, …)
     * @param executable {@code docker-credential-<name>}
     * @param origin where config.json names it, e.g. {@code "credsStore in /home/u/.docker/config.json"}
     */
    CredentialHelper(String name, Path executable, String origin) {
        this.name = name;
        this.executable = executable;
        this.origin = origin;
    }

    /**
     * @param registry host[:port] the credentials are for (named in errors)
     * @param serverAddress what the helper is asked for: the host, or {@code https://index.docker.io/v1/}
     * @return the helper's credentials, or empty when it has none for that address
     * @throws CredentialsUnavailableException if it cannot be run, fails, hangs or answers garbage
     */
    Optional<AuthConfig> get(String registry, String serverAddress) {
        String prefix = "the credential helper docker-credential-" + name + " (" + origin + ") for " + registry;
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CredentialsUnavailableException(prefix + " could not be run: " + e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a helper may exit before reading stdin; its exit code and output say why
        }
        int exit;
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CredentialsUnavailableException(prefix + " did not answer within " + TIMEOUT.toSeconds()
                        + " s");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CredentialsUnavailableException(prefix + " was interrupted");
        }
        String out = output.join().trim();
        if (exit != 0) {
            if (out.contains("credentials not found")) {
                return Optional.empty();
            }
            throw new CredentialsUnavailableException(prefix + " failed with exit code " + exit
                    + (out.isEmpty() ? "" : ": " + firstLine(out)));
        }
        JsonNode json;
        try {
            json = JSON.readTree(out);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new CredentialsUnavailableException(prefix + " answered with something other than JSON: "
                    + firstLine(out));
        }
        String user = json.path("Username").asText("");
        String secret = json.path("Secret").asText("");
        if (user.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        AuthConfig auth = new AuthConfig().withRegistryAddress(serverAddress);
        return Optional.of(user.equals("<token>") ? auth.withIdentityToken(secret)
                : auth.withUsername(user).withPassword(secret));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Credentials could not be obtained from a helper; the message names the helper and the registry. */
    static final class CredentialsUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CredentialsUnavailableException(String message) {
            super(message);
        }
    }
}
