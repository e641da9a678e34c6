package dev.berth.wait;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("the connection closed before a status line");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            Charset charset = StandardCharsets.UTF_8;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = parseLength(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "content-type" -> charset = charset(value);
                    default -> {
                        // not needed for readiness
                    }
                }
            }
            byte[] body = status == 204 || status == 304 || status / 100 == 1 ? new byte[0]
                    : chunked ? chunks(in) : length >= 0 ? exactly(in, length) : untilClose(in);
            return new Response(status, new String(body, charset));
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + value);
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

    private static byte[] exactly(InputStream in, long length) throws IOException {
        if (length > MAX_BODY) {
            throw new IOException("the body is larger than " + MAX_BODY + " bytes (Content-Length " + length + ")");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new IOException("the connection closed after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    private static byte[] untilClose(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("the body is larger than " + MAX_BODY + " bytes");
        }
        return body;
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("the connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + size);
            }
            if (n == 0) {
                return body.toByteArray(); // trailers, if any, are not needed
            }
            if (body.size() + n > MAX_BODY) {
                throw new IOException("the body is larger than " + MAX_BODY + " bytes");
            }
            body.write(exactly(in, n));
            line(in); // the CRLF after the chunk
        }
    }

    /** @return one line without its CRLF (or LF), or null at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (buf.size() > 65536) {
                throw new IOException("a header line longer than 64 KiB");
            }
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
