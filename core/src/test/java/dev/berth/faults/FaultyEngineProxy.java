package dev.berth.faults;

import dev.berth.EngineEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy the test owns in front of the real engine socket ({@code /var/run/docker.sock}), or of an engine on a
 * 127.0.0.1 TCP port (bytes are forwarded as they are, so TLS between client and engine keeps working), listening
 * on a unix socket or on a 127.0.0.1 TCP port. It forwards until the test switches it to {@link #hang()}
 * (connections are accepted and never answered, bytes already in flight are held) or to {@link #closeAll()}
 * (every connection is closed and new ones are refused). It stands in for an engine that hangs or dies
 * without touching the shared daemon. In its own package (none of core's main ones), so that the extension's
 * tests can use it from core's test jar on the module path.
 */
public final class FaultyEngineProxy implements AutoCloseable {
    private static final Path ENGINE = Path.of("/var/run/docker.sock");

    private final ServerSocketChannel server;
    private final SocketAddress target;
    private final String dockerHost;
    private final Path socketFile;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile boolean hanging;
    private volatile boolean closed; // set under lock, so that track() and closeAll() agree

    private FaultyEngineProxy(ServerSocketChannel server, String dockerHost, Path socketFile, SocketAddress target) {
        this.server = server;
        this.target = target;
        this.dockerHost = dockerHost;
        this.socketFile = socketFile;
        Thread accept = new Thread(this::acceptLoop, "faulty-engine-proxy-accept");
        accept.setDaemon(true);
        threads.add(accept);
        accept.start();
    }

    /**
     * @param socket where to listen (must not exist yet)
     * @return a forwarding proxy on that unix socket
     */
    public static FaultyEngineProxy unix(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new FaultyEngineProxy(server, "unix://" + socket, socket, UnixDomainSocketAddress.of(ENGINE));
    }

    /** @return a proxy to the real engine socket on a free 127.0.0.1 port */
    public static FaultyEngineProxy tcp() throws IOException {
        return tcpTo(UnixDomainSocketAddress.of(ENGINE));
    }

    /**
     * @param enginePort a 127.0.0.1 port where an engine listens (e.g. 2376, the TLS engine)
     * @return a proxy to it on a free 127.0.0.1 port
     */
    public static FaultyEngineProxy tcp(int enginePort) throws IOException {
        return tcpTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), enginePort));
    }

    private static FaultyEngineProxy tcpTo(SocketAddress target) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        return new FaultyEngineProxy(server, "tcp://127.0.0.1:" + port, null, target);
    }

    /** @return {@code unix:///…} or {@code tcp://127.0.0.1:<port>} */
    public String dockerHost() {
        return dockerHost;
    }

    /** @return an endpoint for this proxy */
    public EngineEndpoint endpoint() {
        return new EngineEndpoint(dockerHost, false, Optional.empty(), "test proxy");
    }

    /** From now on connections are accepted and nothing is answered: the engine seems to hang. */
    public void hang() {
        hanging = true;
    }

    /**
     * Closes every connection and the listener: the engine is gone (connections are refused). Returns once the
     * proxy's threads have stopped, so that no close is still deferred behind a blocked read or accept: a client
     * that calls next finds its pooled connection closed and a new one refused.
     */
    public void closeAll() throws IOException {
        synchronized (lock) {
            closed = true; // a connection accepted from now on is closed at once, not forwarded
        }
        server.close();
        for (SocketChannel c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (!track(client)) {
                    return;
                }
                if (hanging) {
                    continue; // accepted, never read, never answered
                }
                SocketChannel engine = SocketChannel.open(target instanceof UnixDomainSocketAddress
                        ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
                engine.connect(target);
                if (!track(engine)) {
                    client.close();
                    return;
                }
                pump(client, engine, new RequestLines(requests));
                pump(engine, client, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Keeps a channel for {@link #closeAll()}, or closes it when closeAll has begun: a connection accepted in the
     * moment closeAll runs must not survive it (a pooled client would reuse it and reach the engine).
     */
    private boolean track(SocketChannel channel) throws IOException {
        synchronized (lock) {
            if (!closed) {
                open.add(channel);
                return true;
            }
        }
        channel.close();
        return false;
    }

    /**
     * @return the request lines forwarded to the engine so far, in order, e.g.
     *     {@code POST /v1.41/containers/create?name=…} (the HTTP version left off)
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the request lines recorded so far. */
    public void clearRequests() {
        requests.clear();
    }

    private void pump(SocketChannel from, SocketChannel to, RequestLines lines) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(16384);
            try {
                while (from.read(buf) >= 0) {
                    while (hanging && !closed) {
                        Thread.sleep(50); // hold everything
                    }
                    buf.flip();
                    if (lines != null) {
                        lines.scan(buf.duplicate());
                    }
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
        }, "faulty-engine-proxy-pump");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Picks the request lines ({@code METHOD /path HTTP/1.x}) out of one connection's bytes to the engine. */
    private static final class RequestLines {
        private static final java.util.regex.Pattern LINE =
                java.util.regex.Pattern.compile("(GET|POST|PUT|DELETE|HEAD) (/\\S*) HTTP/1\\.[01]$");
        private final List<String> out;
        private final StringBuilder line = new StringBuilder();

        RequestLines(List<String> out) {
            this.out = out;
        }

        void scan(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                char c = (char) (bytes.get() & 0xff);
                if (c == '\n') {
                    // a request line ends its line; a body without a newline before it may precede it
                    java.util.regex.Matcher m = LINE.matcher(line.toString().strip());
                    if (m.find()) {
                        out.add(m.group(1) + " " + m.group(2));
                    }
                    line.setLength(0);
                } else if (line.length() < 4096) {
                    line.append(c);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeAll();
        if (socketFile != null) {
            Files.deleteIfExists(socketFile);
        }
    }
}
