package dev.berth.image;

import dev.berth.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine pulls from a registry stub on 127.0.0.1 that demands Basic authentication; the stub
 * records the credentials it receives, which must be those of config.json's auths entry.
 */
class RegistryCredentialsTest extends WithEngine {
    private RegistryStub registry;

    @TempDir
    Path dockerConfig;

    @BeforeEach
    void startRegistryStub() throws IOException {
        registry = new RegistryStub();
    }

    @AfterEach
    void stopRegistryStub() throws IOException {
        registry.close();
    }

    @Test
    void sendsTheCredentialsOfConfigJsonAuths() throws IOException {
        String host = registry.host();
        String auth = Base64.getEncoder().encodeToString("berth-user:s3cret:with-colon".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"http://" + host + "\":{\"auth\":\"" + auth + "\"}}}");
        ImageRef ref = ImageRef.parse(host + "/berth-test/" + TestImages.uniqueName() + ":1");

        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> Internals.images(engine).withDockerConfig(dockerConfig).ensure(ref, PullPolicy.MISSING));

        assertThat(registry.authorizations).isNotEmpty().allMatch(a -> a.equals("Basic " + auth));
        assertThat(e.attempts()).containsExactly("local images: no " + ref,
                "registry " + host + ": manifest unknown");
    }

    @Test
    void aBrokenAuthEntryIsNamedWithTheFileAndTheFix() throws IOException {
        String host = registry.host();
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + host + "\":{\"auth\":\"bm9jb2xvbg==\"}}}");
        ImageRef ref = ImageRef.parse(host + "/berth-test/" + TestImages.uniqueName() + ":1");

        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> Internals.images(engine).withDockerConfig(dockerConfig).ensure(ref, PullPolicy.MISSING));

        assertThat(e.attempts()).containsExactly("local images: no " + ref,
                "registry " + host + ": the auth entry for " + host + " is not base64 of user:password (in "
                        + dockerConfig.resolve("config.json") + "); fix it with docker login " + host);
        assertThat(registry.authorizations).isEmpty();
    }
}
