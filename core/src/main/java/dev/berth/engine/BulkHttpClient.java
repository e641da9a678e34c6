package dev.berth.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.http.ChunkedOutput;
import dev.berth.http.Http1Faults;
import dev.berth.http.Http1Head;
import dev.berth.http.WritableBody;
import java.io.BufferedInputStream;
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
import java.util.List;
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
    private static final Http1Faults FAULTS = new EngineFaults();

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
            if (body instanceof WritableBody writable) {
                try {
                    writable.writeTo(new ChunkedOutput(out, CHUNK));
                } catch (WritableBody.SourceFailure e) {
                    throw e; // the engine still waits for the body's rest: abandon the connection
                } catch (IOException e) {
                    // the engine may have answered (an error) and closed before reading the whole body
                    sendFailure = e;
                }
            } else if (body != null) {
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
        ChunkedOutput chunks = new ChunkedOutput(out, CHUNK);
        byte[] buffer = new byte[CHUNK];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            chunks.write(buffer, 0, n);
        }
        chunks.close();
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

        static BulkResponse read(InputStream in, SocketChannel channel, boolean toHead) throws IOException {
            Http1Head head = Http1Head.read(in, FAULTS);
            return new BulkResponse(head.status(), head.headers(), head.body(in, toHead, Long.MAX_VALUE), channel);
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

    /** The words of a failed bulk call; a malformed number fails as the parser's own NumberFormatException. */
    private static final class EngineFaults extends Http1Faults {
        @Override
        public int maxLine() {
            return 16 * 1024;
        }

        @Override
        public IOException lineTooLong() {
            return new IOException("an HTTP header line of the engine's answer is longer than " + size(maxLine()));
        }

        @Override
        public IOException notHttp(String statusLine) {
            return new IOException("the engine's answer is not HTTP/1.x: " + statusLine);
        }

        @Override
        public IOException badLength(String value, NumberFormatException e) {
            throw e;
        }

        @Override
        public IOException badChunkSize(String line, NumberFormatException e) {
            throw e;
        }

        @Override
        public IOException closedBeforeChunk() {
            return new IOException("the engine closed the connection before the end of its chunked answer");
        }

        @Override
        public IOException closedInsideChunk(long read, long size) {
            return new IOException("the engine closed the connection inside a chunk of its answer");
        }

        @Override
        public IOException closedInsideBody(long read, long length) {
            return new IOException("the engine closed the connection " + (length - read)
                    + " bytes before the end of its answer");
        }
    }
}
