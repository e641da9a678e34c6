package dev.berth.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the engine's unix socket, which a test can freeze (connections
 * are accepted but nothing is forwarded any more) or stop (connections are refused). It stands in for
 * an engine that hangs or dies, without touching the shared daemon.
 */
final class EngineProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    EngineProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "engine-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** @return {@code tcp://127.0.0.1:<port>} */
    String dockerHost() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, requests get no answer. */
    void freeze() {
        frozen = true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
                open.add(engine);
                // Read and write the channel directly: Channels.newInputStream/newOutputStream share one
                // lock on a blocking channel, so a pending read would block every write (a deadlock).
                InputStream fromClient = client.getInputStream();
                OutputStream toClient = client.getOutputStream();
                pump(fromClient::read, (buf, n) -> {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) {
                        engine.write(b);
                    }
                });
                pump(buf -> engine.read(ByteBuffer.wrap(buf)), (buf, n) -> {
                    toClient.write(buf, 0, n);
                    toClient.flush();
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private interface Source {
        int read(byte[] buf) throws IOException;
    }

    private interface Sink {
        void write(byte[] buf, int n) throws IOException;
    }

    private void pump(Source in, Sink out) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    while (frozen) {
                        Thread.sleep(50); // hold everything: the engine seems to hang
                    }
                    if (n > 0) {
                        out.write(buf, n);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
        }, "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the listening socket and every connection: the engine is gone. */
    @Override
    public void close() throws IOException {
        server.close();
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

}
