package dev.berth.wait;

import dev.berth.http.Http1Faults;
import dev.berth.http.Http1Head;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain HTTP/1.1 GET over a socket, for the readiness wait on {@code http://}: the JDK's
 * {@code HttpClient} costs a fresh JVM about 0.4 s and some 250 TLS and HTTP/2 classes before its first request
 * (measured here), and a selector thread per client, for a probe that needs a status line and a body. Sends
 * {@code Connection: close}; reads a {@code Content-Length}, chunked or until-close body of at most 4 MiB,
 * decoded with the charset the response names (UTF-8 when it names none).
 */
final class HttpGet {
    static final int MAX_BODY = 4 << 20;
    /** A plain client's words, which the wait's timeout message shows for its last attempt. */
    private static final Http1Faults FAULTS = new Http1Faults();

    /** A response: its status code and body. */
    record Response(int status, String body) {
    }

    private HttpGet() {
    }

    /**
     * @param host the host to connect to
     * @param port the port
     * @param path the request path, starting with {@code /}
     * @param connectTimeout the most time to connect
     * @param readTimeout the most time any one read waits
     * @return the response
     * @throws IOException when the connection fails or the answer is not HTTP
     */
    static Response get(String host, int port, String path, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + authority + "\r\nAccept: */*\r\n"
                    + "User-Agent: berth-wait\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Http1Head head = Http1Head.read(in, FAULTS);
            Charset charset = StandardCharsets.UTF_8;
            for (String contentType : head.header("Content-Type")) {
                charset = charset(contentType);
            }
            byte[] body = head.body(in, false, MAX_BODY).readAllBytes();
            return new Response(head.status(), new String(body, charset));
        }
    }

    private static Charset charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
