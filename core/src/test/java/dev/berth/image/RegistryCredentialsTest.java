package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.PullPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine pulls from a registry stub on 127.0.0.1 that demands Basic authentication; the stub
 * records the credentials it receives, which must be those of config.json's auths entry.
 */
class RegistryCredentialsTest extends WithEngine {
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer registry;

    @TempDir
    Path dockerConfig;

    @BeforeEach
    void startRegistryStub() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        registry.createContext("/", this::answer);
        registry.start();
    }

    @AfterEach
    void stopRegistryStub() {
        registry.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] body;
        int status;
        if (auth == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"berth-test\"");
            status = 401;
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}".getBytes();
        } else {
            authorizations.add(auth);
            status = exchange.getRequestURI().getPath().equals("/v2/") ? 200 : 404;
            body = status == 200 ? "{}".getBytes()
                    : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes();
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void sendsTheCredentialsOfConfigJsonAuths() throws IOException {
        String host = "127.0.0.1:" + registry.getAddress().getPort();
        String userPass = "berth-user:s3cret:with-colon";
        String auth = Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"http://" + host + "\":{\"auth\":\"" + auth + "\"}}}");
        ImageRef ref = ImageRef.parse(host + "/berth-test/" + TestImages.uniqueName() + ":1");

        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> engine.images().withDockerConfig(dockerConfig).ensure(ref, PullPolicy.MISSING));

        assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Basic " + auth));
        assertThat(e.attempts()).hasSize(2);
        assertThat(e.attempts().get(1)).startsWith("registry " + host + ": ");
    }

    @Test
    void aBrokenAuthEntryIsNamedWithTheFileAndTheFix() throws IOException {
        String host = "127.0.0.1:" + registry.getAddress().getPort();
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + host + "\":{\"auth\":\"bm9jb2xvbg==\"}}}");
        ImageRef ref = ImageRef.parse(host + "/berth-test/" + TestImages.uniqueName() + ":1");

        ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
                () -> engine.images().withDockerConfig(dockerConfig).ensure(ref, PullPolicy.MISSING));

        assertThat(e.attempts()).containsExactly("local images: no " + ref,
                "registry " + host + ": the auth entry for " + host + " is not base64 of user:password (in "
                        + dockerConfig.resolve("config.json") + "); fix it with docker login " + host);
        assertThat(authorizations).isEmpty();
    }
}
