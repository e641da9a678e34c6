package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.FileCopy;
import dev.berth.Mount;
import dev.berth.RunningContainer;
import dev.berth.Security;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.Use;
import dev.berth.wait.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * Sample 3 — nginx: a static page copied in before start, ready when HTTP answers, read through
 * the published port; a second server runs on a read-only root filesystem with tmpfs for the
 * paths nginx writes at run time.
 */
@DockerTest
class NginxSample {
    private static final FileCopy PAGE =
            new FileCopy("/var/www/html/index.html", new FileCopy.ClasspathResource("nginx/index.html"), 0644);

    @Container(ports = 80)
    static ContainerSpec web = ContainerSpec.of("localhost:5000/berth-fixtures/nginx:1")
            .withFile(PAGE)
            .waitingFor(Wait.forHttp("/"));

    // The engine refuses copies into a read-only root filesystem, so this one mounts the page's
    // directory read-only from the host instead.
    @Container(ports = 80)
    static ContainerSpec readOnlyWeb = ContainerSpec.of("localhost:5000/berth-fixtures/nginx:1")
            .withMount(Mount.bind(pageDirectory(), "/var/www/html").readOnlyMount())
            .withSecurity(Security.defaults().withReadOnlyRootfs("/run", "/var/lib/nginx", "/tmp"))
            .waitingFor(Wait.forHttp("/"));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheCopiedPage(@Use("web") RunningContainer nginx) throws Exception {
        HttpResponse<String> response = get(nginx, "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Served by nginx in a Berth container");
    }

    @Test
    void servesFromAReadOnlyRootFilesystem(@Use("readOnlyWeb") RunningContainer nginx) throws Exception {
        assertThat(get(nginx, "/").body()).contains("Served by nginx in a Berth container");
        assertThat(nginx.exec("sh", "-c", "echo x > /etc/x").exitCode()).as("write outside tmpfs").isNotZero();
        assertThat(nginx.exec("sh", "-c", "echo x > /run/x").exitCode()).as("write to a tmpfs path").isZero();
    }

    private static String pageDirectory() {
        try (InputStream page = NginxSample.class.getResourceAsStream("/nginx/index.html")) {
            Path dir = Files.createTempDirectory("berth-nginx-sample",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            dir.toFile().deleteOnExit();
            Files.copy(page, dir.resolve("index.html"));
            dir.resolve("index.html").toFile().deleteOnExit();
            Files.setPosixFilePermissions(dir.resolve("index.html"), PosixFilePermissions.fromString("rw-r--r--"));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(RunningContainer nginx, String path) throws Exception {
        URI uri = URI.create("http://" + nginx.host() + ":" + nginx.mappedPort(80) + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
