package dev.berth.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The readiness GET against a server on 127.0.0.1 the test owns, answering one canned response. */
class HttpGetTest {

    @Test
    void readsAContentLengthBodyAndSendsAMinimalRequest() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        HttpGet.Response r = serve("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
                + "trailing bytes a keep-alive server might send", request);
        assertThat(r).isEqualTo(new HttpGet.Response(200, "hello"));
        assertThat(request.get()).startsWith("GET /health?x=1 HTTP/1.1\r\nHost: 127.0.0.1:")
                .contains("\r\nConnection: close\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void decodesAChunkedBody() throws Exception {
        HttpGet.Response r = serve("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nstar\r\nA\r\nting up...\r\n0\r\nX-Trailer: t\r\n\r\n", null);
        assertThat(r).isEqualTo(new HttpGet.Response(503, "starting up..."));
    }

    @Test
    void readsUntilCloseAndHonoursTheCharset() throws Exception {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String head = "HTTP/1.0 200 OK\nContent-Type: text/plain; charset=ISO-8859-1\n\n";
        HttpGet.Response r = serve(head + new String(latin1, StandardCharsets.ISO_8859_1), null);
        assertThat(r).isEqualTo(new HttpGet.Response(200, "caf\u00e9"));
    }

    @Test
    void aNoContentAnswerHasNoBody() throws Exception {
        assertThat(serve("HTTP/1.1 204 No Content\r\n\r\n", null)).isEqualTo(new HttpGet.Response(204, ""));
    }

    @Test
    void aConnectionClosedBeforeTheStatusLineOrANonHttpAnswerFail() {
        assertThatThrownBy(() -> serve("", null)).isInstanceOf(IOException.class)
                .hasMessage("the connection closed before a status line");
        assertThatThrownBy(() -> serve("SSH-2.0-OpenSSH_9.2\r\n", null)).isInstanceOf(IOException.class)
                .hasMessage("not an HTTP/1.x status line: SSH-2.0-OpenSSH_9.2");
        assertThatThrownBy(() -> serve("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", null))
                .isInstanceOf(IOException.class).hasMessage("the connection closed after 5 of 10 body bytes");
        assertThatThrownBy(() -> serve("HTTP/1.1 200 OK\r\nContent-Length: " + (HttpGet.MAX_BODY + 1) + "\r\n\r\n",
                null)).isInstanceOf(IOException.class)
                .hasMessage("the body is larger than 4194304 bytes (Content-Length 4194305)");
    }

    /** Answers one request with {@code response} (ISO-8859-1 bytes), then closes; returns what GET read. */
    private static HttpGet.Response serve(String response, AtomicReference<String> request) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    StringBuilder got = new StringBuilder();
                    while (!got.toString().endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        got.append((char) b);
                    }
                    if (request != null) {
                        request.set(got.toString());
                    }
                    s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the client's failure is what the test reads
                }
            });
            t.start();
            try {
                return HttpGet.get("127.0.0.1", server.getLocalPort(), "/health?x=1", Duration.ofSeconds(1),
                        Duration.ofSeconds(2));
            } finally {
                t.join(5000);
            }
        }
    }
}
