package dev.berth.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The transport of the engine calls that move bulk bytes: an image saved ({@code GET /images/get}) or loaded, a
 * file tree copied into or out of a container, a container exported. docker-java's zerodep transport reads a unix
 * socket through JNA in 16 KiB chunk-decoded pieces and cost a {@code -Xmx64m} JVM three times the CPU of the
 * {@code docker} CLI for a 200 MB save (measured, docs/benchmarks.md); this one is plain HTTP/1.1 over a JDK
 * {@link SocketChannel}, one connection per call (closed with the response), the request body sent in 256 KiB
 * chunks, and the response body read straight from the socket (a call without a body is sent as HTTP/1.0, so the
 * engine answers until it closes instead of in chunks). Only for {@code unix://} and plain {@code tcp://}
 * endpoints; TLS keeps the zerodep transport. Deadlines stay {@link BoundedHttpClient}'s: closing the response
 * (or interrupting the caller) closes the connection and ends a blocked read.
 */
final class BulkHttpClient implements DockerHttpClient {
    /** The calls this transport takes: their bodies are image or file-tree bytes. */
    private static final Pattern BULK = Pattern.compile("^(/images/get|/images/.+/get|/images/load"
            + "|/containers/[^/]+/(archive|export))$");
    private static final int CHUNK = 256 * 1024;
    private static final int READ_BUFFER = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final Connector connector;

    private BulkHttpClient(Connector connector) {
        this.connector = connector;
    }

    /** Opens one connection to the engine. */
    @FunctionalInterface
    interface Connector {
        SocketChannel open() throws IOException;
    }

    /**
     * @param dockerHost the endpoint, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375}
     * @param tls whether the endpoint needs TLS
     * @return the transport, or empty where it cannot serve (TLS, named pipes)
     */
    static Optional<DockerHttpClient> forEndpoint(String dockerHost, boolean tls) {
        URI uri = URI.create(dockerHost);
        if ("unix".equals(uri.getScheme()) && uri.getPath() != null) {
            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(uri.getPath());
            return Optional.of(new BulkHttpClient(() -> SocketChannel.open(address)));
        }
        if ("tcp".equals(uri.getScheme()) && !tls && uri.getHost() != null && uri.getPort() > 0) {
            String host = uri.getHost();
            int port = uri.getPort();
            return Optional.of(new BulkHttpClient(() -> SocketChannel.open(new InetSocketAddress(host, port))));
        }
        return Optional.empty();
    }

    /**
     * @param versionlessPath the request path without its {@code /v1.xx} prefix and query
     * @return whether this transport takes the call
     */
    static boolean takes(String versionlessPath) {
        return BULK.matcher(versionlessPath).matches();
    }

    @Override
    public Response execute(Request request) {
        SocketChannel channel = null;
        try {
            channel = connector.open();
            OutputStream out = Channels.newOutputStream(channel);
            InputStream body = request.body();
            if (body == null && request.bodyBytes() != null) {
                body = new java.io.ByteArrayInputStream(request.bodyBytes());
            }
            // HTTP/1.0 when nothing is sent: the engine then answers until it closes, with no chunks to decode
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path())
                    .append(body == null ? " HTTP/1.0" : " HTTP/1.1")
                    .append("\r\nHost: localhost\r\nConnection: close\r\n");
            request.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Transfer-Encoding: chunked\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            IOException sendFailure = null;
            if (body != null) {
                try {
                    sendChunked(body, out);
                } catch (IOException e) {
                    // the engine may have answered (an error) and closed before reading the whole body
                    sendFailure = e;
                }
            }
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), READ_BUFFER);
            BulkResponse response;
            try {
                response = BulkResponse.read(in, channel, "HEAD".equals(request.method()));
            } catch (IOException e) {
                if (sendFailure != null) {
                    sendFailure.addSuppressed(e);
                    throw sendFailure;
                }
                throw e;
            }
            channel = null;
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    private static void sendChunked(InputStream body, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        while (true) {
            int filled = 0;
            for (int n; filled < CHUNK && (n = body.read(buffer, filled, CHUNK - filled)) > 0; ) {
                filled += n;
            }
            if (filled == 0) {
                break;
            }
            out.write((Integer.toHexString(filled) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(buffer, 0, filled);
            out.write(CRLF);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        // one connection per call, closed with its response: nothing held
    }

    /** An answer: status and headers read, the body left on the connection until read or closed. */
    private static final class BulkResponse implements Response {
        private final int status;
        private final Map<String, List<String>> headers;
        private final InputStream body;
        private final SocketChannel channel;

        private BulkResponse(int status, Map<String, List<String>> headers, InputStream body, SocketChannel channel) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.channel = channel;
        }

        static BulkResponse read(InputStream in, SocketChannel channel, boolean head) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new IOException("the engine's answer is not HTTP/1.x: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            long length = -1;
            boolean chunked = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> {
                        // passed on as they came
                    }
                }
            }
            InputStream body;
            if (head || status == 204 || status == 304 || status / 100 == 1) {
                body = InputStream.nullInputStream();
            } else if (chunked) {
                body = new ChunkedBody(in);
            } else if (length >= 0) {
                body = new LimitedBody(in, length);
            } else {
                body = in;
            }
            return new BulkResponse(status, headers, body, channel);
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public String getHeader(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }

    /** Reads one header line (ISO-8859-1, CRLF or LF ended); null at the end of the stream. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                int n = b.size();
                byte[] bytes = b.toByteArray();
                return new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n, StandardCharsets.ISO_8859_1);
            }
            if (b.size() > 16 * 1024) {
                throw new IOException("an HTTP header line of the engine's answer is longer than 16 KiB");
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A {@code Content-Length} body. */
    private static final class LimitedBody extends InputStream {
        private final InputStream in;
        private long left;

        LimitedBody(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the engine closed the connection " + left + " bytes before the end of its answer");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }
    }

    /** A chunked body, decoded as it is read; the chunks' bytes go straight into the caller's array. */
    private static final class ChunkedBody extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (chunkLeft == 0 && !nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException("the engine closed the connection inside a chunk of its answer");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                line(in);
            }
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            String size = line(in);
            if (size == null) {
                throw new IOException("the engine closed the connection before the end of its chunked answer");
            }
            int semicolon = size.indexOf(';');
            chunkLeft = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (chunkLeft == 0) {
                done = true;
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return false;
            }
            return true;
        }
    }
}
