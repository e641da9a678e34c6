package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import dev.berth.engine.DockerConfigDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthTest {
    private static final String CONFIG = "{\"auths\": {"
            + "\"localhost:5000\": {\"auth\": \"" + b64("alice:s3cr:et") + "\"},"
            + "\"https://index.docker.io/v1/\": {\"auth\": \"" + b64("hubuser:hubpass") + "\"},"
            + "\"http://registry.example:8443/v2/\": {\"username\": \"bob\", \"password\": \"pw\"},"
            + "\"token.example\": {\"identitytoken\": \"tok\"},"
            + "\"empty.example\": {}}}";

    @TempDir
    Path tmp;

    @Test
    void decodesBase64UserColonPasswordSplittingAtTheFirstColon() throws Exception {
        AuthConfig auth = RegistryAuth.forRegistry(json(CONFIG), "localhost:5000").orElseThrow();
        assertThat(auth.getUsername()).isEqualTo("alice");
        assertThat(auth.getPassword()).isEqualTo("s3cr:et");
        assertThat(auth.getRegistryAddress()).isEqualTo("localhost:5000");
    }

    @Test
    void matchesDockerHubUnderAnyOfItsNames() throws Exception {
        AuthConfig auth = RegistryAuth.forRegistry(json(CONFIG), "docker.io").orElseThrow();
        assertThat(auth.getUsername()).isEqualTo("hubuser");
        assertThat(auth.getRegistryAddress()).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void readsPlainFieldsAndIdentityTokensIgnoringSchemeAndPath() throws Exception {
        AuthConfig plain = RegistryAuth.forRegistry(json(CONFIG), "registry.example:8443").orElseThrow();
        assertThat(plain.getUsername()).isEqualTo("bob");
        assertThat(plain.getPassword()).isEqualTo("pw");
        assertThat(RegistryAuth.forRegistry(json(CONFIG), "token.example").orElseThrow().getIdentitytoken())
                .isEqualTo("tok");
        assertThat(RegistryAuth.forRegistry(json(CONFIG), "empty.example")).isEmpty();
        assertThat(RegistryAuth.forRegistry(json(CONFIG), "other:5000")).isEmpty();
    }

    @Test
    void rejectsAnAuthEntryThatIsNotUserColonPassword() throws Exception {
        assertThatThrownBy(() -> RegistryAuth.forRegistry(json("{\"auths\":{\"r.example\":{\"auth\":\""
                + b64("nocolon") + "\"}}}"), "r.example"))
                .hasMessage("the auth entry for r.example is not base64 of user:password");
        assertThatThrownBy(() -> RegistryAuth.forRegistry(json("{\"auths\":{\"r.example\":{\"auth\":\"%%%\"}}}"),
                "r.example")).hasMessage("the auth entry for r.example is not base64 of user:password");
    }

    @Test
    void readsConfigJsonFromDockerConfigOrTheHomeDirectory() throws Exception {
        Path custom = Files.createDirectories(tmp.resolve("custom"));
        Files.writeString(custom.resolve("config.json"), CONFIG);
        DockerConfigDir fromEnv = DockerConfigDir.of(Map.of("DOCKER_CONFIG", custom.toString()), tmp.resolve("home"));
        assertThat(fromEnv.path()).isEqualTo(custom);
        assertThat(RegistryAuth.forRegistry(fromEnv, "localhost:5000")).isPresent();
        DockerConfigDir home = DockerConfigDir.of(Map.of(), tmp.resolve("home"));
        assertThat(home.path()).isEqualTo(tmp.resolve("home/.docker"));
        assertThat(RegistryAuth.forRegistry(home, "localhost:5000")).isEmpty();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
