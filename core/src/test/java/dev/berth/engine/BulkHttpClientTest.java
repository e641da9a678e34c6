package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.berth.http.WritableBody;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk transport's HTTP over a unix socket this test serves itself: the request as the engine receives it
 * (chunked body), the answer as docker-java reads it (chunked, sized or until close). No engine needed.
 */
class BulkHttpClientTest {
    @TempDir
    Path dir;

    @Test
    void takesOnlyTheCallsThatMoveImageOrFileTreeBytes() {
        assertThat(BulkHttpClient.takes("/images/get")).isTrue();
        assertThat(BulkHttpClient.takes("/images/localhost:5000/a/b:1/get")).isTrue();
        assertThat(BulkHttpClient.takes("/images/load")).isTrue();
        assertThat(BulkHttpClient.takes("/containers/abc/archive")).isTrue();
        assertThat(BulkHttpClient.takes("/containers/abc/export")).isTrue();
        assertThat(BulkHttpClient.takes("/images/create")).isFalse();
        assertThat(BulkHttpClient.takes("/build")).isFalse();
        assertThat(BulkHttpClient.takes("/containers/abc/json")).isFalse();
        assertThat(BulkHttpClient.forEndpoint("tcp://127.0.0.1:2376", true)).isEmpty();
        assertThat(BulkHttpClient.forEndpoint("npipe:////./pipe/docker_engine", false)).isEmpty();
        assertThat(BulkHttpClient.forEndpoint("tcp://127.0.0.1:2375", false)).isPresent();
    }

    @Test
    void sendsTheBodyChunkedAndDecodesAChunkedAnswer() throws Exception {
        byte[] upload = random(700_000);
        byte[] answer = random(300_000);
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        served.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int off = 0; off < answer.length; off += 32768) {
            int n = Math.min(32768, answer.length - off);
            served.write((Integer.toHexString(n) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
            served.write(answer, off, n);
            served.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        served.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Served s = serve(served.toByteArray());

        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.PUT).path("/v1.41/containers/abc/archive?path=%2F")
                .putHeader("Content-Type", "application/x-tar").body(new ByteArrayInputStream(upload)).build();
        try (DockerHttpClient.Response r = client().execute(request)) {
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getHeader("content-type")).isEqualTo("application/x-tar");
            assertThat(r.getBody().readAllBytes()).isEqualTo(answer);
        }

        byte[] received = s.request.get(30, TimeUnit.SECONDS);
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(text.substring(0, end)).startsWith("PUT /v1.41/containers/abc/archive?path=%2F HTTP/1.1\r\n")
                .contains("\r\nContent-Type: application/x-tar").contains("\r\nTransfer-Encoding: chunked");
        assertThat(dechunk(received, end + 4)).isEqualTo(upload);
    }

    @Test
    void aBodyThatWritesItselfIsWrittenNotReadAndFramedInChunks() throws Exception {
        byte[] upload = random(700_000);
        Served s = serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        DockerHttpClient.Response r = client().execute(put(new Writable() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(upload, 0, 10);          // gathered
                out.write(upload, 10, 400_000);    // fills a chunk, the rest gathered
                out.write(upload, 400_010, upload.length - 400_010);
                out.close();
            }
        }));
        r.close();
        assertThat(r.getStatusCode()).isEqualTo(200);
        byte[] received = s.request.get(30, TimeUnit.SECONDS);
        int end = new String(received, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        assertThat(dechunk(received, end + 4)).isEqualTo(upload);
    }

    @Test
    void aBodyWhoseSourceFailsAbandonsTheCallInsteadOfAwaitingAnAnswer() throws Exception {
        Served s = serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        DockerHttpClient.Request request = put(new Writable() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(new byte[1000]);
                throw new WritableBody.SourceFailure("Cannot write the archive to copy in: gone.txt", null);
            }
        });
        assertThatThrownBy(() -> client().execute(request)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageEndingWith("Cannot write the archive to copy in: gone.txt");
        // the server read until the client closed: the request ended without its last chunk
        String received = new String(s.request.get(30, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
        assertThat(received).startsWith("PUT /containers/abc/archive?path=%2F HTTP/1.1\r\n")
                .doesNotEndWith("\r\n0\r\n\r\n");
    }

    /** A body a transport that does not know {@link WritableBody} would read: reading it fails the test. */
    private abstract static class Writable extends InputStream implements WritableBody {
        @Override
        public int read() {
            throw new AssertionError("the transport read a body that writes itself");
        }
    }

    private static DockerHttpClient.Request put(InputStream body) {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.PUT)
                .path("/containers/abc/archive?path=%2F").putHeader("Content-Type", "application/x-tar").body(body)
                .build();
    }

    @Test
    void sendsABodilessCallAsHttp10AndReadsASizedAnswerAndOneThatEndsWithTheConnection() throws Exception {
        Served s = serve(("HTTP/1.1 404 Not Found\r\nContent-Length: 39\r\n\r\n{\"message\":\"reference does not"
                + " exist\"}\nEXTRA").getBytes(StandardCharsets.US_ASCII));
        try (DockerHttpClient.Response r = client().execute(get())) {
            assertThat(r.getStatusCode()).isEqualTo(404);
            assertThat(new String(r.getBody().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("{\"message\":\"reference does not exist\"}\n");
        }
        // nothing to send: HTTP/1.0, so the engine answers until it closes rather than in chunks
        assertThat(new String(s.request.get(30, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1))
                .startsWith("GET /images/get?names=x%3A1 HTTP/1.0\r\n").doesNotContain("Transfer-Encoding");
        byte[] answer = random(200_000);
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        served.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        served.write(answer);
        serve(served.toByteArray());
        try (DockerHttpClient.Response r = client().execute(get())) {
            assertThat(r.getBody().readAllBytes()).isEqualTo(answer);
        }
    }

    @Test
    void anAnswerCutShortOrMalformedFailsInTheEnginesWords() throws Exception {
        serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".getBytes(StandardCharsets.US_ASCII));
        try (DockerHttpClient.Response r = client().execute(get())) {
            assertThatThrownBy(() -> r.getBody().readAllBytes()).isInstanceOf(IOException.class)
                    .hasMessage("the engine closed the connection 5 bytes before the end of its answer");
        }
        serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nshort".getBytes(StandardCharsets.US_ASCII));
        try (DockerHttpClient.Response r = client().execute(get())) {
            assertThatThrownBy(() -> r.getBody().readAllBytes()).isInstanceOf(IOException.class)
                    .hasMessage("the engine closed the connection inside a chunk of its answer");
        }
        serve("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> client().execute(get())).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageEndingWith("the engine's answer is not HTTP/1.x: SSH-2.0-OpenSSH_9.2");
        serve("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> client().execute(get())).isInstanceOf(NumberFormatException.class);
    }

    private static DockerHttpClient.Request get() {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/images/get?names=x%3A1").build();
    }

    private DockerHttpClient client() {
        return BulkHttpClient.forEndpoint("unix://" + dir.resolve("engine.sock"), false).orElseThrow();
    }

    private record Served(CompletableFuture<byte[]> request) {
    }

    /**
     * Accepts one connection, reads the request to its end (headers and any chunked body, or until the client closes),
     * answers unless the client is gone, and closes.
     */
    private Served serve(byte[] response) throws IOException {
        Path socket = dir.resolve("engine.sock");
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture<byte[]> request = CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel c = server.accept()) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                ByteBuffer b = ByteBuffer.allocate(65536);
                while (!complete(got.toByteArray())) {
                    b.clear();
                    if (c.read(b) < 0) {
                        break;
                    }
                    got.write(b.array(), 0, b.position());
                }
                try {
                    c.write(ByteBuffer.wrap(response));
                } catch (IOException clientGone) {
                    // a client that abandoned its call closed first: what it sent is the result
                }
                return got.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new Served(request);
    }

    private static boolean complete(byte[] got) {
        String text = new String(got, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end >= 0 && (!text.substring(0, end).contains("chunked") || text.endsWith("\r\n0\r\n\r\n"));
    }

    private static byte[] dechunk(byte[] raw, int from) throws IOException {
        InputStream in = new ByteArrayInputStream(raw, from, raw.length - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int n = Integer.parseInt(crlfLine(in), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            assertThat(crlfLine(in)).isEmpty();
        }
    }

    /** @return the next line, which must end with CRLF, without it */
    private static String crlfLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        assertThat(line.toString()).endsWith("\r");
        return line.substring(0, line.length() - 1);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
