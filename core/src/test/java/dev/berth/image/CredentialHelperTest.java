package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import dev.berth.engine.DockerConfigDir;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from docker credential helpers ({@code credsStore}, {@code credHelpers}), as the docker CLI
 * resolves them, against a second registry (Debian's docker-registry) on 127.0.0.1 that demands basic
 * authentication. The helpers are shell scripts on a PATH the test owns.
 */
class CredentialHelperTest extends WithEngine {
    /** htpasswd -Bbn berth-user s3cret */
    private static final String HTPASSWD = "berth-user:$2y$05$fSl7g3tqLKAfUcam3yRrbu3N9prqvwj3m7HTK4X3KMlTcdzUbt0L6";
    private static Process registry;
    private static String host;
    private static ImageRef image;

    @TempDir
    static Path registryDir;
    @TempDir
    Path dockerConfig;
    @TempDir
    Path bin;
    private Path asked;

    @BeforeAll
    static void startAuthenticatedRegistry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        host = "127.0.0.1:" + port;
        Files.writeString(registryDir.resolve("htpasswd"), HTPASSWD + "\n");
        Files.writeString(registryDir.resolve("config.yml"), String.join("\n", "version: 0.1", "log:",
                "  level: warn", "storage:", "  filesystem:", "    rootdirectory: " + registryDir.resolve("data"),
                "http:", "  addr: " + host, "auth:", "  htpasswd:", "    realm: berth-test",
                "    path: " + registryDir.resolve("htpasswd"), ""));
        registry = new ProcessBuilder("docker-registry", "serve", registryDir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(registryDir.resolve("registry.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (status(host) != 401) {
            if (System.nanoTime() > deadline || !registry.isAlive()) {
                throw new IllegalStateException("the authenticated registry did not start on " + host + ": "
                        + Files.readString(registryDir.resolve("registry.log")));
            }
            Thread.sleep(100);
        }
        image = ImageRef.parse(host + "/berth-test/" + TestImages.uniqueName() + ":1");
        engine.docker().tagImageCmd(TestImages.BUSYBOX, image.name(), image.tag().orElseThrow()).exec();
        try {
            engine.docker().pushImageCmd(image.name()).withTag(image.tag().orElseThrow())
                    .withAuthConfig(new AuthConfig().withRegistryAddress(host).withUsername("berth-user")
                            .withPassword("s3cret"))
                    .exec(new ResultCallback.Adapter<PushResponseItem>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                throw new IllegalStateException("push failed: " + item.getErrorDetail());
                            }
                        }
                    }).awaitCompletion();
        } finally {
            TestImages.removeQuietly(engine.docker(), image);
        }
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int status(String host) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host + "/v2/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            return c.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    @BeforeEach
    void noLocalCopy() {
        TestImages.removeQuietly(engine.docker(), image);
        asked = bin.resolve("asked.txt");
    }

    /** A helper that records what it was asked for, then runs {@code body}. */
    private void helper(String name, String body) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\nread server\necho \"$1 $server\" >> '" + asked + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ImageService images(String configJson) throws IOException {
        Files.writeString(dockerConfig.resolve("config.json"), configJson);
        return dev.berth.Internals.images(engine).withDockerConfig(DockerConfigDir.at(dockerConfig, bin.toString()));
    }

    private static final String GOOD = "printf '{\"ServerURL\":\"%s\",\"Username\":\"berth-user\",\"Secret\":\"s3cret\"}' \"$server\"";

    @Test
    void theCredsStoreHelperIsAskedForTheRegistryAndItsCredentialsPull() throws IOException {
        helper("berthtest", GOOD);
        ImageRef pulled = images("{\"credsStore\":\"berthtest\"}").ensure(image, PullPolicy.MISSING);
        assertThat(pulled).isEqualTo(image);
        assertThat(Files.readAllLines(asked)).containsExactly("get " + host);
    }

    @Test
    void aCredHelpersEntryForTheRegistryWinsOverCredsStore() throws IOException {
        helper("berthtest", GOOD);
        images("{\"credsStore\":\"not-installed\",\"credHelpers\":{\"" + host + "\":\"berthtest\"}}")
                .ensure(image, PullPolicy.MISSING);
        assertThat(Files.readAllLines(asked)).containsExactly("get " + host);
    }

    @Test
    void withoutCredentialsTheRegistryRefusesThePull() throws IOException {
        helper("empty", "echo 'credentials not found in native keychain'; exit 1");
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> images("{\"credsStore\":\"empty\"}").ensure(image, PullPolicy.MISSING));
        assertThat(e).isNotNull();
        assertThat(Files.readAllLines(asked)).containsExactly("get " + host);
    }

    @Test
    void aMissingHelperIsNamedWithTheRegistry() throws IOException {
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> images("{\"credsStore\":\"absent\"}").ensure(image, PullPolicy.MISSING));
        assertThat(e.attempts()).isEqualTo(List.of("local images: no " + image, "registry " + host
                + ": the credential helper docker-credential-absent (credsStore in "
                + dockerConfig.resolve("config.json") + ") for " + host + " is not on PATH; install it, or remove it"
                + " from config.json"));
    }

    @Test
    void aFailingHelperIsNamedWithItsExitCodeAndOutput() throws IOException {
        helper("broken", "echo 'keychain is locked'; exit 3");
        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> images("{\"credHelpers\":{\"" + host + "\":\"broken\"}}").ensure(image, PullPolicy.MISSING));
        assertThat(e.attempts()).isEqualTo(List.of("local images: no " + image, "registry " + host
                + ": the credential helper docker-credential-broken (credHelpers in "
                + dockerConfig.resolve("config.json") + ") for " + host + " failed with exit code 3: keychain is"
                + " locked"));
    }
}
